package org.ambiseg.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap interval for the mean of per-case values (Efron &amp; Tibshirani 1993, ch.
 * 13): draw B resamples of the n cases with replacement, take each resample's mean, and report the
 * (1 &minus; level)/2 and (1 + level)/2 quantiles of those B means (linear interpolation between
 * order statistics, as numpy's default {@code percentile}). Deterministic for a given seed.
 */
public final class Bootstrap {

  /** Resamples used by {@link #interval95(double[])}. */
  public static final int DEFAULT_RESAMPLES = 1000;

  /** Seed used by {@link #interval95(double[])}. */
  public static final long DEFAULT_SEED = 20240601L;

  private Bootstrap() {}

  /** 95 % interval with 1000 resamples and the fixed default seed. */
  public static ConfidenceInterval interval95(double[] values) {
    return interval(values, 0.95, DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  /** Percentile interval of the mean at the given coverage level (0 &lt; level &lt; 1). */
  public static ConfidenceInterval interval(
      double[] values, double level, int resamples, long seed) {
    if (values.length == 0) {
      throw new IllegalArgumentException("bootstrap needs at least one value");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("coverage level " + level + " outside (0, 1)");
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be positive, got " + resamples);
    }
    int n = values.length;
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += values[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    double alpha = (1 - level) / 2;
    return new ConfidenceInterval(
        mean(values), quantile(means, alpha), quantile(means, 1 - alpha), level, resamples, seed);
  }

  /** Arithmetic mean. */
  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Quantile q of sorted values, interpolating linearly between order statistics. */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, sorted.length - 1);
    double fraction = position - lower;
    return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
  }
}
