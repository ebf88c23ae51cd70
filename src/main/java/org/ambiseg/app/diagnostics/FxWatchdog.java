package org.ambiseg.app.diagnostics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the JavaFX thread is kept busy: a background timer posts a {@code runLater}
 * every period, and each one, when it runs, records the time since the previous one ran. The
 * longest gap is the worst time the UI could not react. Start it, do the work, read {@link
 * #longestGapMillis()}, close it.
 */
public final class FxWatchdog implements AutoCloseable {

  private final ScheduledExecutorService timer;
  private final AtomicLong lastRunNanos = new AtomicLong();
  private final AtomicLong longestGapNanos = new AtomicLong();
  private final AtomicLong ticks = new AtomicLong();
  private final AtomicBoolean posted = new AtomicBoolean();

  private FxWatchdog(long periodMillis) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ambiseg-fx-watchdog");
              t.setDaemon(true);
              return t;
            });
    lastRunNanos.set(System.nanoTime());
    timer.scheduleAtFixedRate(this::post, 0, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Starts watching, posting every {@code periodMillis} milliseconds (the issue asks for 10). */
  public static FxWatchdog start(long periodMillis) {
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("period must be positive, got " + periodMillis);
    }
    return new FxWatchdog(periodMillis);
  }

  private void post() {
    // One outstanding probe at a time: while the FX thread is blocked the gap keeps growing and
    // is measured once, when the thread is free again.
    if (posted.compareAndSet(false, true)) {
      Platform.runLater(this::ran);
    }
  }

  private void ran() {
    long now = System.nanoTime();
    long gap = now - lastRunNanos.getAndSet(now);
    longestGapNanos.accumulateAndGet(gap, Math::max);
    ticks.incrementAndGet();
    posted.set(false);
  }

  /** Longest time between two consecutive probe runs on the FX thread, in milliseconds. */
  public double longestGapMillis() {
    return longestGapNanos.get() / 1e6;
  }

  /** How many probes have run on the FX thread. */
  public long ticks() {
    return ticks.get();
  }

  /** Forgets the gaps seen so far (e.g. after warm-up). */
  public void reset() {
    lastRunNanos.set(System.nanoTime());
    longestGapNanos.set(0);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
