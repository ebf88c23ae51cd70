package org.ambiseg.app.diagnostics;

import java.util.Arrays;
import java.util.Locale;

/**
 * Collects latency samples in milliseconds and reports percentiles (nearest-rank: the p-th
 * percentile is the smallest value with at least p % of the samples at or below it). Not
 * thread-safe: record from one thread.
 */
public final class LatencyRecorder {

  private double[] values = new double[64];
  private int count;

  /** Adds one measurement. */
  public void record(double millis) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = millis;
  }

  /** Number of measurements. */
  public int count() {
    return count;
  }

  /** The nearest-rank percentile, {@code p} in (0, 100]. */
  public double percentile(double p) {
    if (count == 0) {
      throw new IllegalStateException("no measurements");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
    }
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * count);
    return sorted[Math.max(rank, 1) - 1];
  }

  /** "n=200 p50=12.3 ms p95=20.1 ms max=25.0 ms". */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms",
        count,
        percentile(50),
        percentile(95),
        percentile(100));
  }
}
