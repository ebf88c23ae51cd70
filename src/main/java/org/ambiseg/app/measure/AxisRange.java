package org.ambiseg.app.measure;

/**
 * A value axis range with a round tick step (1, 2, 2.5 or 5 times a power of ten) giving about five
 * intervals over the values, widened by a small margin so no point sits on the plot's edge.
 *
 * @param lower the axis start, a multiple of {@code step}
 * @param upper the axis end, a multiple of {@code step}
 * @param step the distance between ticks
 */
public record AxisRange(double lower, double upper, double step) {

  private static final double[] MANTISSAS = {1, 2, 2.5, 5, 10};

  /** A range covering {@code min..max} (finite, min ≤ max). */
  public static AxisRange covering(double min, double max) {
    if (!(min <= max) || Double.isInfinite(min) || Double.isInfinite(max)) {
      throw new IllegalArgumentException("no range covers " + min + ".." + max);
    }
    double span = max - min;
    if (span == 0) {
      span = Math.max(Math.abs(min), 1);
    }
    double step = niceStep(span / 5);
    double margin = span * 0.05;
    double lower = Math.floor((min - margin) / step) * step;
    double upper = Math.ceil((max + margin) / step) * step;
    if (min >= 0 && lower < 0) {
      lower = 0; // measures are never negative
    }
    return new AxisRange(lower, upper, step);
  }

  /** The smallest round step at least {@code raw}. */
  private static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : MANTISSAS) {
      if (m * power >= raw * (1 - 1e-9)) {
        return m * power;
      }
    }
    return 10 * power;
  }
}
