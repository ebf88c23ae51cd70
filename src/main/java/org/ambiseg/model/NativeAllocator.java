package org.ambiseg.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps freed tensor memory in the process instead of handing it back to the kernel after every
 * operation. libtorch allocates CPU tensors with glibc's malloc, which by default serves every
 * block of 32 MiB or more (a 16 x 32 x 128 x 128 float tensor is exactly 32 MiB) with a fresh
 * {@code mmap} and returns it with {@code munmap} when the tensor is freed; the next tensor of that
 * size then faults in and zeroes all its pages again. Measured here (2 threads, 128 x 128): 16
 * samples of the Prob U-Net head took 284 ms with the default against 53 ms with freed blocks
 * reused, and the process spent 27 s of 32 s of a benchmark run in the kernel. Debian's PyTorch
 * pays the same (the reference's sample16 289 ms against 67 ms with the same setting).
 *
 * <p>{@link #configureOnce()} sets glibc's {@code M_MMAP_THRESHOLD} and {@code M_TRIM_THRESHOLD}
 * (as the environment variables {@code MALLOC_MMAP_THRESHOLD_} and {@code MALLOC_TRIM_THRESHOLD_}
 * would) to {@link #THRESHOLD_BYTES}, so blocks below 1 GiB come from malloc's heaps and stay there
 * for reuse, and {@code M_TOP_PAD} to 64 MiB, so that a thread's extra heap (threads other than the
 * process's first get heaps of at most 64 MiB each) is kept when its last tensor is freed instead
 * of being unmapped. Five 16-sample decodes of probunet-128 then take 1,294 new page faults instead
 * of 456,009. The cost is that the process keeps its peak tensor memory reserved. It is a process
 * setting, made once, through JNA on glibc's {@code mallopt}; on another C library or platform it
 * logs once and does nothing. {@code -Dambiseg.mallocTuning=false} leaves malloc's defaults, for
 * measuring.
 */
public final class NativeAllocator {

  /** Blocks below this size are kept for reuse: 1 GiB. */
  public static final int THRESHOLD_BYTES = 1 << 30;

  private static final Logger LOG = LoggerFactory.getLogger(NativeAllocator.class);
  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;
  private static final int TOP_PAD_BYTES = 64 << 20;
  private static final AtomicBoolean DONE = new AtomicBoolean();
  private static volatile boolean tuned;

  private NativeAllocator() {}

  /**
   * Sets malloc's thresholds for this process the first time it is called; later calls do nothing.
   *
   * @return whether the thresholds are set
   */
  public static boolean configureOnce() {
    if (DONE.compareAndSet(false, true)) {
      tuned = configure();
    }
    return tuned;
  }

  private static boolean configure() {
    if (!Boolean.parseBoolean(System.getProperty("ambiseg.mallocTuning", "true"))) {
      return false;
    }
    Optional<Function> mallopt = glibcMallopt();
    if (mallopt.isEmpty()) {
      return false;
    }
    try {
      boolean mmap = mallopt.get().invokeInt(new Object[] {M_MMAP_THRESHOLD, THRESHOLD_BYTES}) == 1;
      boolean trim = mallopt.get().invokeInt(new Object[] {M_TRIM_THRESHOLD, THRESHOLD_BYTES}) == 1;
      boolean pad = mallopt.get().invokeInt(new Object[] {M_TOP_PAD, TOP_PAD_BYTES}) == 1;
      if (!mmap || !trim || !pad) {
        LOG.info("glibc refused the malloc thresholds; large tensors are mapped afresh each time");
      }
      return mmap && trim && pad;
    } catch (RuntimeException | LinkageError e) {
      LOG.info(
          "setting malloc's thresholds failed ({}); large tensors are mapped afresh", e.toString());
      return false;
    }
  }

  /** glibc's mallopt, or empty on another platform or C library (musl's mallopt does nothing). */
  private static Optional<Function> glibcMallopt() {
    if (!Platform.isLinux()) {
      LOG.info("not Linux: malloc keeps its defaults");
      return Optional.empty();
    }
    try {
      NativeLibrary libc = NativeLibrary.getInstance("libc.so.6");
      libc.getFunction("gnu_get_libc_version"); // present only in glibc
      return Optional.of(libc.getFunction("mallopt"));
    } catch (RuntimeException | LinkageError e) {
      LOG.info("glibc's mallopt was not found ({}); malloc keeps its defaults", e.toString());
      return Optional.empty();
    }
  }
}
