package org.ambiseg.io.synth;

import java.util.SplittableRandom;

/**
 * The edge of the lung in a crop: either a convex soft-tissue bulge (mediastinum, heart) or the
 * inside of a large circle (the chest wall, optionally with a bright rib band in the tissue), kept
 * clear of the lesion.
 */
final class LungEdge {

  private final double ox;
  private final double oy;
  private final double radius;
  private final boolean bulge;
  private final double tissue;
  private final float[] tissueTexture;
  private final double edge;
  private final boolean rib;
  private final double ribStart;
  private final double ribWidth;
  private final double ribLevel;
  private final double s;

  private LungEdge(
      double ox,
      double oy,
      double radius,
      boolean bulge,
      double tissue,
      float[] tissueTexture,
      double edge,
      boolean rib,
      double ribStart,
      double ribWidth,
      double ribLevel,
      double s) {
    this.ox = ox;
    this.oy = oy;
    this.radius = radius;
    this.bulge = bulge;
    this.tissue = tissue;
    this.tissueTexture = tissueTexture;
    this.edge = edge;
    this.rib = rib;
    this.ribStart = ribStart;
    this.ribWidth = ribWidth;
    this.ribLevel = ribLevel;
    this.s = s;
  }

  /** A random edge at least {@code clearance} pixels from ({@code cx}, {@code cy}). */
  static LungEdge random(int size, double cx, double cy, double clearance, SplittableRandom rng) {
    double s = size / 128.0;
    double beta = rng.nextDouble() * 2 * Math.PI;
    double gap = clearance + Gaussian.uniform(rng, 4, 40) * s;
    boolean bulge = rng.nextDouble() < 0.4;
    double radius = (bulge ? Gaussian.uniform(rng, 40, 140) : Gaussian.uniform(rng, 80, 220)) * s;
    double centreDistance = bulge ? gap + radius : radius - gap;
    double tissue = Gaussian.uniform(rng, 0.45, 0.66);
    float[] tissueTexture = ValueNoise.fractal(size, size, 20 * s, 3, 0.5, rng);
    double edge = Gaussian.uniform(rng, 0.7, 1.6) * s;
    boolean ribDrawn = rng.nextDouble() < 0.5; // drawn always, so the random stream is stable
    boolean rib = !bulge && ribDrawn;
    double ribStart = Gaussian.uniform(rng, 5, 18) * s;
    double ribWidth = Gaussian.uniform(rng, 5, 12) * s;
    double ribLevel = Gaussian.uniform(rng, 0.78, 0.92);
    return new LungEdge(
        cx + centreDistance * Math.cos(beta),
        cy + centreDistance * Math.sin(beta),
        radius,
        bulge,
        tissue,
        tissueTexture,
        edge,
        rib,
        ribStart,
        ribWidth,
        ribLevel,
        s);
  }

  /**
   * Writes the lung weight (1 in lung, 0 in tissue, logistic edge) and blends {@code lung} values
   * with soft tissue into {@code base}.
   */
  void blend(int size, float[] lung, float[] base, float[] lungWeight) {
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int i = y * size + x;
        double r = Math.hypot(x - ox, y - oy);
        double depth = bulge ? radius - r : r - radius; // > 0 inside the tissue
        double w = 1.0 / (1.0 + Math.exp(depth / edge));
        double t = tissue + 0.03 * tissueTexture[i];
        if (rib) {
          double inRib =
              logistic((depth - ribStart) / (0.8 * s))
                  * logistic((ribStart + ribWidth - depth) / (0.8 * s));
          t += (ribLevel - t) * inRib;
        }
        lungWeight[i] = (float) w;
        base[i] = (float) (w * lung[i] + (1 - w) * t);
      }
    }
  }

  private static double logistic(double v) {
    return 1.0 / (1.0 + Math.exp(-v));
  }
}
