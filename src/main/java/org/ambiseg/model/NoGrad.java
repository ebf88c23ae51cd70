package org.ambiseg.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A scope in which the PyTorch engine records no autograd graph on the calling thread (libtorch's
 * grad mode is per thread and on by default on a new one): inference inside it keeps no
 * intermediate results for a backward pass. Restores the previous mode on close; a no-op on other
 * engines.
 */
final class NoGrad implements AutoCloseable {

  private static final boolean PYTORCH = "PyTorch".equals(Engine.getInstance().getEngineName());

  private final boolean previous;

  private NoGrad(boolean previous) {
    this.previous = previous;
  }

  /** Turns gradient recording off on this thread until {@link #close}. */
  static NoGrad enter() {
    if (!PYTORCH) {
      return new NoGrad(false);
    }
    boolean was = JniUtils.isGradMode();
    if (was) {
      JniUtils.setGradMode(false);
    }
    return new NoGrad(was);
  }

  @Override
  public void close() {
    if (previous) {
      JniUtils.setGradMode(true);
    }
  }
}
