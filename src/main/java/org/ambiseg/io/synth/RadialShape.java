package org.ambiseg.io.synth;

import java.util.SplittableRandom;

/**
 * A blob with a wobbly boundary: in polar coordinates around its centre the boundary radius is
 * {@code r(theta) = r0 * (1 + sum_k a_k cos(k theta + phi_k))} for harmonics k = 2..6.
 */
final class RadialShape {

  private static final int FIRST_HARMONIC = 2;
  private static final int LAST_HARMONIC = 6;

  private final double cx;
  private final double cy;
  private final double r0;
  private final double[] amplitude;
  private final double[] phase;

  private RadialShape(double cx, double cy, double r0, double[] amplitude, double[] phase) {
    this.cx = cx;
    this.cy = cy;
    this.r0 = r0;
    this.amplitude = amplitude;
    this.phase = phase;
  }

  /**
   * A random shape; harmonic k gets an amplitude uniform in [0, irregularity / k), so higher
   * harmonics add smaller wobbles.
   */
  static RadialShape random(
      double cx, double cy, double r0, double irregularity, SplittableRandom rng) {
    int n = LAST_HARMONIC - FIRST_HARMONIC + 1;
    double[] amp = new double[n];
    double[] ph = new double[n];
    for (int i = 0; i < n; i++) {
      int k = FIRST_HARMONIC + i;
      amp[i] = rng.nextDouble() * irregularity / k;
      ph[i] = rng.nextDouble() * 2.0 * Math.PI;
    }
    return new RadialShape(cx, cy, r0, amp, ph);
  }

  double centreX() {
    return cx;
  }

  double centreY() {
    return cy;
  }

  double meanRadius() {
    return r0;
  }

  /** Boundary radius in direction {@code theta}. */
  double radius(double theta) {
    double s = 1.0;
    for (int i = 0; i < amplitude.length; i++) {
      s += amplitude[i] * Math.cos((FIRST_HARMONIC + i) * theta + phase[i]);
    }
    return r0 * Math.max(0.3, s);
  }

  /** Radial signed distance of a point (pixel centre) to the boundary: negative inside. */
  double signedDistance(double x, double y) {
    double dx = x - cx;
    double dy = y - cy;
    return Math.hypot(dx, dy) - radius(Math.atan2(dy, dx));
  }

  /** Signed distances of every pixel of a {@code size} x {@code size} grid, row-major. */
  float[] signedDistanceMap(int size) {
    float[] out = new float[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        out[y * size + x] = (float) signedDistance(x, y);
      }
    }
    return out;
  }

  /** Soft membership in (0, 1) from a signed distance: a logistic edge {@code softness} wide. */
  static double membership(double signedDistance, double softness) {
    return 1.0 / (1.0 + Math.exp(signedDistance / softness));
  }
}
