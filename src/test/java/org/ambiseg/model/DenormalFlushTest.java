package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Denormal flushing: libtorch arithmetic on a thread that turned it on gives 0 where an ordinary
 * thread keeps the denormal result. Each check runs on its own fresh thread, so no other test's
 * thread is changed.
 */
class DenormalFlushTest {

  /** 2^-130, a denormal float (the smallest normal one is 2^-126). */
  private static final float DENORMAL = Float.intBitsToFloat(1 << 19);

  @Test
  void aFlushingThreadGetsZeroWhereAnOrdinaryThreadKeepsTheDenormal() throws Exception {
    assertTrue(Float.MIN_NORMAL > DENORMAL && DENORMAL > 0, "the input is denormal");

    float ordinary = onNewThread(DenormalFlushTest::halveInLibtorch);
    assertEquals(DENORMAL / 2, ordinary, 0f, "without flushing libtorch keeps the denormal");

    float[] flushed =
        onNewThread(
            () -> {
              assertTrue(DenormalFlush.enableOnThisThread(), "flushing turned on");
              assertTrue(DenormalFlush.enableOnThisThread(), "and a second call says so too");
              return new float[] {halveInLibtorch()};
            });
    assertEquals(0f, flushed[0], 0f, "flushed to zero");

    float after = onNewThread(DenormalFlushTest::halveInLibtorch);
    assertEquals(DENORMAL / 2, after, 0f, "another thread is not affected");
  }

  @Test
  void theLibraryIsFoundInALinuxMemoryMap(@TempDir Path dir) throws Exception {
    Path maps = dir.resolve("maps");
    Files.writeString(
        maps,
        "7f0000000000-7f0000001000 r--p 00000000 08:01 12 /usr/lib/libc.so.6\n"
            + "7f0000002000-7f0000003000 r-xp 00000000 08:01 34 /cache/pytorch/libtorch_cpu.so\n"
            + "7f0000004000-7f0000005000 rw-p 00000000 00:00 0\n");
    assertEquals(
        Optional.of(Path.of("/cache/pytorch/libtorch_cpu.so")), DenormalFlush.loadedLibrary(maps));
    assertEquals(Optional.empty(), DenormalFlush.loadedLibrary(dir.resolve("missing")));
  }

  private static float halveInLibtorch() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(new float[] {DENORMAL, 1f});
      return x.mul(0.5f).toFloatArray()[0];
    }
  }

  private static <T> T onNewThread(Supplier<T> work)
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(work.get());
              } catch (Throwable t) {
                result.completeExceptionally(t);
              }
            });
    thread.start();
    return result.get(60, TimeUnit.SECONDS);
  }
}
