package org.ambiseg.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/**
 * libtorch's operator profiler around a piece of work, for {@code ambiseg bench --profile}: every
 * native operator with its start and duration per thread, written as a Chrome trace (the format
 * {@code torch.profiler} exports, so {@code bench/profile_summary.py} reads both sides alike). A
 * null file records nothing.
 */
final class OperatorProfile implements AutoCloseable {

  private final Path file;

  private OperatorProfile(Path file) {
    this.file = file;
  }

  /** Starts recording into {@code file}, or nothing when it is null. */
  static OperatorProfile start(Path file) {
    if (file != null) {
      if (!"PyTorch".equals(Engine.getInstance().getEngineName())) {
        throw new IllegalStateException("--profile needs the PyTorch engine");
      }
      JniUtils.startProfile(false, false, false);
    }
    return new OperatorProfile(file);
  }

  /** Stops recording and writes the trace. */
  @Override
  public void close() {
    if (file != null) {
      JniUtils.stopProfile(file.toAbsolutePath().toString());
    }
  }
}
