package org.ambiseg.app.uncertainty;

import java.util.ArrayList;
import java.util.List;

/**
 * Tick values of a colour-bar legend: multiples of a "nice" step (1, 2, 2.5 or 5 times a power of
 * ten), the smallest such step that gives at most the wanted number of intervals. Both ends of the
 * range are always ticks; an inner tick closer than 40 % of a step to an end is dropped so labels
 * do not collide. Range 0..1 with at most 5 intervals gives 0, 0.2, .., 1; range 0..0.25 gives 0,
 * 0.05, .., 0.25.
 *
 * @param values tick values from low to high
 * @param step distance between inner ticks
 */
public record ColorBarTicks(List<Double> values, double step) {

  private static final double[] NICE = {1, 2, 2.5, 5, 10};

  /** Ticks over [lo, hi] with at most {@code maxIntervals} steps between inner ticks. */
  public static ColorBarTicks of(double lo, double hi, int maxIntervals) {
    if (!(hi > lo) || maxIntervals < 1) {
      throw new IllegalArgumentException("range " + lo + ".." + hi + ", " + maxIntervals);
    }
    double step = niceStep((hi - lo) / maxIntervals);
    double eps = step * 1e-9;
    List<Double> values = new ArrayList<>();
    values.add(lo);
    long first = (long) Math.ceil((lo - eps) / step);
    for (long k = first; k * step <= hi + eps; k++) {
      double v = cleaned(k * step, step);
      if (v - lo >= 0.4 * step && hi - v >= 0.4 * step) {
        values.add(v);
      }
    }
    values.add(hi);
    return new ColorBarTicks(List.copyOf(values), step);
  }

  /** The smallest nice number at least {@code raw}. */
  static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : NICE) {
      if (m * power >= raw * (1 - 1e-9)) {
        return m * power;
      }
    }
    return 10 * power;
  }

  /** Removes binary rounding noise (0.15000000000000002 to 0.15). */
  private static double cleaned(double value, double step) {
    double unit = step / 1000;
    return Math.round(value / unit) * unit;
  }

  /** The tick labels, formatted for this step. */
  public List<String> labels() {
    return values.stream().map(v -> ValueFormat.tick(v, step)).toList();
  }
}
