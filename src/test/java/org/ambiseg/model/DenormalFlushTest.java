package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

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
  void libtorchsWorkerThreadsFlushToo() throws Exception {
    // a million elements: libtorch splits the product over its worker threads, which must have
    // inherited the flushing thread's setting; 1e-20 * 1e-19 = 1e-39 is denormal
    long[] counts =
        onNewThread(
            () -> {
              assertTrue(DenormalFlush.enableOnThisThread());
              try (NDManager manager = NDManager.newBaseManager()) {
                NDArray tiny = manager.ones(new ai.djl.ndarray.types.Shape(1000, 1000)).mul(1e-20f);
                NDArray product = tiny.mul(1e-19f);
                return new long[] {product.eq(0f).sum().getLong(), product.size()};
              }
            });
    assertEquals(counts[1], counts[0], "every element flushed to zero");
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
