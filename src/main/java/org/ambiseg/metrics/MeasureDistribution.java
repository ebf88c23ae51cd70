package org.ambiseg.metrics;

import java.util.Arrays;

/**
 * Summary of one measure (area or diameter) across the non-empty masks of a sample set: median, 5th
 * and 95th percentiles, minimum and maximum, plus how many masks were empty and left out.
 *
 * <p>Percentiles interpolate linearly between order statistics (Hyndman and Fan's type 7, the
 * default of R and NumPy): for sorted values v[0..n-1], the p-quantile is v[h] interpolated at h =
 * (n - 1) p. With no non-empty mask every statistic is NaN.
 *
 * @param count number of non-empty masks measured
 * @param empty number of empty masks left out
 * @param median the 0.5-quantile
 * @param p5 the 0.05-quantile
 * @param p95 the 0.95-quantile
 * @param min smallest value
 * @param max largest value
 */
public record MeasureDistribution(
    int count, int empty, double median, double p5, double p95, double min, double max) {

  /** Summarises {@code values} (those of the non-empty masks) with {@code empty} masks left out. */
  public static MeasureDistribution of(double[] values, int empty) {
    if (empty < 0) {
      throw new IllegalArgumentException("empty count must not be negative: " + empty);
    }
    if (values.length == 0) {
      return new MeasureDistribution(
          0, empty, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] v = values.clone();
    Arrays.sort(v);
    return new MeasureDistribution(
        v.length,
        empty,
        quantile(v, 0.5),
        quantile(v, 0.05),
        quantile(v, 0.95),
        v[0],
        v[v.length - 1]);
  }

  /** True when no non-empty mask was measured. */
  public boolean isEmpty() {
    return count == 0;
  }

  /** The p-quantile of sorted values (type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
