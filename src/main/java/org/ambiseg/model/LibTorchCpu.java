package org.ambiseg.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code libtorch_cpu.so} that DJL's PyTorch engine has loaded into this process, opened
 * through JNA for the few libtorch entry points DJL does not expose ({@link DenormalFlush}, {@link
 * InPlaceRelu}). Found through the process's memory map, so it is always the very library the
 * engine uses; absent on another engine or platform.
 */
final class LibTorchCpu {

  private static final String LIBRARY = "libtorch_cpu.so";

  /** The loaded library, or why it cannot be used. */
  private static final Found<NativeLibrary> LOOKUP = lookUp();

  private LibTorchCpu() {}

  /**
   * The exported function {@code symbol} (a mangled C++ name), or why it cannot be had (another
   * engine, no such library mapped, no such symbol).
   */
  static Found<Function> function(String symbol) {
    if (LOOKUP.value().isEmpty()) {
      return new Found<>(null, LOOKUP.problem());
    }
    try {
      return new Found<>(LOOKUP.value().get().getFunction(symbol), null);
    } catch (RuntimeException | LinkageError e) {
      return new Found<>(null, symbol + " is not in " + LIBRARY + ": " + e.getMessage());
    }
  }

  /** Something looked up in libtorch, or the reason it is not there. */
  static final class Found<T> {
    private final T value;
    private final String problem;

    private Found(T value, String problem) {
      this.value = value;
      this.problem = problem;
    }

    /** What was found, if it was. */
    Optional<T> value() {
      return Optional.ofNullable(value);
    }

    /** Why it was not found (null when it was). */
    String problem() {
      return problem;
    }
  }

  private static Found<NativeLibrary> lookUp() {
    try {
      ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
      if (!"PyTorch".equals(engine.getEngineName())) {
        return new Found<>(null, "the engine is " + engine.getEngineName());
      }
      Optional<Path> path = loadedLibrary(Path.of("/proc/self/maps"));
      if (path.isEmpty()) {
        return new Found<>(null, LIBRARY + " is not among this process's mapped libraries");
      }
      return new Found<>(NativeLibrary.getInstance(path.get().toString()), null);
    } catch (RuntimeException | LinkageError e) {
      return new Found<>(null, LIBRARY + " could not be opened: " + e.getMessage());
    }
  }

  /** The path of the loaded libtorch CPU library as listed in a Linux memory map, if any. */
  static Optional<Path> loadedLibrary(Path maps) {
    if (!Files.isReadable(maps)) {
      return Optional.empty();
    }
    try {
      return Files.readAllLines(maps).stream()
          .filter(line -> line.endsWith("/" + LIBRARY))
          .map(line -> Path.of(line.substring(line.indexOf('/'))))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
