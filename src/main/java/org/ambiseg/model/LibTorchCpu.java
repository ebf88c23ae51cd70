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
  private static final Lookup LOOKUP = lookUp();

  private LibTorchCpu() {}

  /**
   * The exported function {@code symbol} (a mangled C++ name), or why it cannot be had (another
   * engine, no such library mapped, no such symbol).
   */
  static Result function(String symbol) {
    if (LOOKUP.library == null) {
      return new Result(null, LOOKUP.problem);
    }
    try {
      return new Result(LOOKUP.library.getFunction(symbol), null);
    } catch (RuntimeException | LinkageError e) {
      return new Result(null, symbol + " is not in " + LIBRARY + ": " + e.getMessage());
    }
  }

  /** A looked-up function, or the reason there is none. */
  static final class Result {
    private final Function function;
    private final String problem;

    private Result(Function function, String problem) {
      this.function = function;
      this.problem = problem;
    }

    /** The function, when it was found. */
    Optional<Function> function() {
      return Optional.ofNullable(function);
    }

    /** Why the function was not found (null when it was). */
    String problem() {
      return problem;
    }
  }

  private static final class Lookup {
    private final NativeLibrary library;
    private final String problem;

    private Lookup(NativeLibrary library, String problem) {
      this.library = library;
      this.problem = problem;
    }
  }

  private static Lookup lookUp() {
    try {
      ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
      if (!"PyTorch".equals(engine.getEngineName())) {
        return new Lookup(null, "the engine is " + engine.getEngineName());
      }
      Optional<Path> path = loadedLibrary(Path.of("/proc/self/maps"));
      if (path.isEmpty()) {
        return new Lookup(null, LIBRARY + " is not among this process's mapped libraries");
      }
      return new Lookup(NativeLibrary.getInstance(path.get().toString()), null);
    } catch (RuntimeException | LinkageError e) {
      return new Lookup(null, LIBRARY + " could not be opened: " + e.getMessage());
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
