package org.ambiseg.model;

import com.sun.jna.Function;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches libtorch's flushing of denormal floats to zero on for the calling thread, as {@code
 * torch.set_flush_denormal(True)} does in Python. Once a segmentation network is confident, the
 * cross-entropy gradient of most pixels falls below 1.2e-38, and x86 cores run convolutions on such
 * denormal values many times slower: measured here, one conv backward with denormal gradients took
 * 865 ms against 97 ms flushed (2 threads). The setting lives in the thread's MXCSR register, so it
 * also covers libtorch's worker threads created afterwards by this thread, and Java arithmetic on
 * this thread then treats values below 1.2e-38 as zero too; nothing in AmbiSeg computes with such
 * values. DJL does not expose the call, so it is made through JNA on the symbols of the loaded
 * {@code libtorch_cpu.so}; when that is not possible (another engine or platform) it logs once and
 * does nothing. {@code -Dambiseg.flushDenormals=false} turns it off, for measuring.
 */
public final class DenormalFlush {

  private static final Logger LOG = LoggerFactory.getLogger(DenormalFlush.class);
  private static final String SET_FLUSH_DENORMAL = "_ZN2at7Context16setFlushDenormalEb";
  private static final AtomicBoolean PROBLEM_LOGGED = new AtomicBoolean();
  private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> false);

  private DenormalFlush() {}

  /**
   * Turns flushing on for this thread; call it before the thread's first tensor operation so that
   * libtorch's worker threads inherit it. Cheap to call again.
   *
   * @return whether flushing is on for this thread
   */
  public static boolean enableOnThisThread() {
    if (ENABLED.get()) {
      return true;
    }
    if (!Boolean.parseBoolean(System.getProperty("ambiseg.flushDenormals", "true"))) {
      return false;
    }
    Optional<Function> set = Symbols.SET;
    if (set.isEmpty()) {
      return false;
    }
    try {
      // a static member: its only argument is the bool (the first register), no context pointer
      boolean on = set.get().invokeInt(new Object[] {(byte) 1}) != 0;
      ENABLED.set(on);
      if (!on) {
        logOnce("libtorch says this CPU cannot flush denormals");
      }
      return on;
    } catch (RuntimeException | LinkageError e) {
      logOnce("calling libtorch's setFlushDenormal failed: " + e.getMessage());
      return false;
    }
  }

  private static void logOnce(String message) {
    if (PROBLEM_LOGGED.compareAndSet(false, true)) {
      LOG.info("denormal floats are not flushed ({}); late training steps may run slower", message);
    }
  }

  /** libtorch's entry point, looked up once after the engine has loaded its library. */
  private static final class Symbols {

    private static final Optional<Function> SET = set();

    private static Optional<Function> set() {
      LibTorchCpu.Found<Function> set = LibTorchCpu.function(SET_FLUSH_DENORMAL);
      if (set.value().isEmpty()) {
        logOnce("libtorch's setFlushDenormal cannot be called: " + set.problem());
      }
      return set.value();
    }
  }
}
