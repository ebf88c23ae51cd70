package org.ambiseg.io.synth;

import java.util.SplittableRandom;

/**
 * The lesion-free part of a synthetic CT crop: dark lung parenchyma with smooth correlated texture,
 * bright branching vessels inside the lung, and sometimes a chest wall or mediastinum edge (soft
 * tissue, optionally with a bright rib band) that keeps clear of the lesion.
 */
final class ChestBackground {

  /** Parenchyma and soft tissue, without vessels. */
  final float[] base;

  /** Vessel brightness above the parenchyma (already zero outside the lung). */
  final float[] vessels;

  /** 1 inside the lung, 0 in soft tissue, a soft edge between. */
  final float[] lungWeight;

  /** Mean lung background level. */
  final double lungLevel;

  /** Whether a chest wall or mediastinum edge is in view. */
  final boolean chestWall;

  private ChestBackground(
      float[] base, float[] vessels, float[] lungWeight, double lungLevel, boolean chestWall) {
    this.base = base;
    this.vessels = vessels;
    this.lungWeight = lungWeight;
    this.lungLevel = lungLevel;
    this.chestWall = chestWall;
  }

  /**
   * Renders a background of {@code size} x {@code size}; the lung edge, when present, stays at
   * least {@code clearance} pixels from ({@code cx}, {@code cy}).
   */
  static ChestBackground render(
      int size, double cx, double cy, double clearance, SplittableRandom rng) {
    double s = size / 128.0;
    int n = size * size;
    double lung = Gaussian.uniform(rng, 0.05, 0.13);
    float[] lungTexture = ValueNoise.fractal(size, size, 28 * s, 4, 0.55, rng);
    double lungTextureAmp = Gaussian.uniform(rng, 0.015, 0.035);

    boolean wall = rng.nextDouble() < 0.55;
    float[] lungWeight = new float[n];
    float[] base = new float[n];
    if (wall) {
      wallRender(
          size, s, cx, cy, clearance, lung, lungTexture, lungTextureAmp, base, lungWeight, rng);
    } else {
      for (int i = 0; i < n; i++) {
        lungWeight[i] = 1f;
        base[i] = (float) (lung + lungTextureAmp * lungTexture[i]);
      }
    }
    float[] vessels = new float[n];
    int count = 2 + rng.nextInt(6);
    for (int v = 0; v < count; v++) {
      VesselTree.draw(vessels, size, s, rng);
    }
    int dots = 3 + rng.nextInt(10);
    for (int v = 0; v < dots; v++) {
      VesselTree.crossSection(vessels, size, s, rng);
    }
    for (int i = 0; i < n; i++) {
      vessels[i] *= lungWeight[i];
    }
    return new ChestBackground(base, vessels, lungWeight, lung, wall);
  }

  /**
   * A lung edge: either a convex tissue bulge (mediastinum, heart) or the inside of a large circle
   * (the rib cage), at least {@code clearance} from the lesion.
   */
  private static void wallRender(
      int size,
      double s,
      double cx,
      double cy,
      double clearance,
      double lung,
      float[] lungTexture,
      double lungTextureAmp,
      float[] base,
      float[] lungWeight,
      SplittableRandom rng) {
    double beta = rng.nextDouble() * 2 * Math.PI;
    double gap = clearance + Gaussian.uniform(rng, 4, 40) * s;
    boolean bulge = rng.nextDouble() < 0.4;
    double radius = (bulge ? Gaussian.uniform(rng, 40, 140) : Gaussian.uniform(rng, 80, 220)) * s;
    double centreDistance = bulge ? gap + radius : radius - gap;
    double ox = cx + centreDistance * Math.cos(beta);
    double oy = cy + centreDistance * Math.sin(beta);
    double tissue = Gaussian.uniform(rng, 0.45, 0.66);
    float[] tissueTexture = ValueNoise.fractal(size, size, 20 * s, 3, 0.5, rng);
    double edge = Gaussian.uniform(rng, 0.7, 1.6) * s;
    boolean rib = rng.nextDouble() < 0.5;
    double ribStart = Gaussian.uniform(rng, 5, 18) * s;
    double ribWidth = Gaussian.uniform(rng, 5, 12) * s;
    double ribLevel = Gaussian.uniform(rng, 0.78, 0.92);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int i = y * size + x;
        double r = Math.hypot(x - ox, y - oy);
        double depth = bulge ? radius - r : r - radius; // > 0 inside the tissue
        double w = 1.0 / (1.0 + Math.exp(depth / edge));
        double t = tissue + 0.03 * tissueTexture[i];
        if (rib && !bulge) {
          double inRib =
              logistic((depth - ribStart) / (0.8 * s))
                  * logistic((ribStart + ribWidth - depth) / (0.8 * s));
          t += (ribLevel - t) * inRib;
        }
        double l = lung + lungTextureAmp * lungTexture[i];
        lungWeight[i] = (float) w;
        base[i] = (float) (w * l + (1 - w) * t);
      }
    }
  }

  private static double logistic(double v) {
    return 1.0 / (1.0 + Math.exp(-v));
  }
}
