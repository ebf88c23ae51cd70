package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the engine's libtorch and its symbols. */
class LibTorchCpuTest {

  @Test
  void theLibraryIsFoundInALinuxMemoryMap(@TempDir Path dir) throws Exception {
    Path maps = dir.resolve("maps");
    Files.writeString(
        maps,
        "7f0000000000-7f0000001000 r--p 00000000 08:01 12 /usr/lib/libc.so.6\n"
            + "7f0000002000-7f0000003000 r-xp 00000000 08:01 34 /cache/pytorch/libtorch_cpu.so\n"
            + "7f0000004000-7f0000005000 rw-p 00000000 00:00 0\n");
    assertEquals(
        Optional.of(Path.of("/cache/pytorch/libtorch_cpu.so")), LibTorchCpu.loadedLibrary(maps));
    assertEquals(Optional.empty(), LibTorchCpu.loadedLibrary(dir.resolve("missing")));
  }

  @Test
  void aMissingSymbolIsReportedNotThrown() {
    ai.djl.engine.Engine.getInstance();
    LibTorchCpu.Found<Function> missing = LibTorchCpu.function("_ZN2at18noSuchAmbiSegSymbolEv");
    assertTrue(missing.value().isEmpty());
    assertTrue(
        missing.problem().contains("_ZN2at18noSuchAmbiSegSymbolEv"),
        "the problem names the symbol: " + missing.problem());
    LibTorchCpu.Found<Function> present = LibTorchCpu.function("_ZN2at13globalContextEv");
    assertTrue(present.value().isPresent(), "a real symbol is found: " + present.problem());
  }
}
