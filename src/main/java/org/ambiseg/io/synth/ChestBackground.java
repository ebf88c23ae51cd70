package org.ambiseg.io.synth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The lesion-free part of a synthetic CT crop: dark lung parenchyma with smooth correlated texture,
 * bright branching vessels inside the lung, and sometimes a {@link LungEdge} that keeps clear of
 * the lesion.
 */
final class ChestBackground {

  /** Parenchyma and soft tissue, without vessels. */
  final float[] base;

  /** Vessel brightness above the parenchyma (already zero outside the lung). */
  final float[] vessels;

  /** 1 inside the lung, 0 in soft tissue, a soft edge between. */
  final float[] lungWeight;

  /** Whether a chest wall or mediastinum edge is in view. */
  final boolean chestWall;

  private ChestBackground(float[] base, float[] vessels, float[] lungWeight, boolean chestWall) {
    this.base = base;
    this.vessels = vessels;
    this.lungWeight = lungWeight;
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

    float[] lungValues = new float[n];
    for (int i = 0; i < n; i++) {
      lungValues[i] = (float) (lung + lungTextureAmp * lungTexture[i]);
    }
    boolean wall = rng.nextDouble() < 0.55;
    float[] lungWeight = new float[n];
    float[] base = new float[n];
    if (wall) {
      LungEdge.random(size, cx, cy, clearance, rng).blend(size, lungValues, base, lungWeight);
    } else {
      Arrays.fill(lungWeight, 1f);
      System.arraycopy(lungValues, 0, base, 0, n);
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
    return new ChestBackground(base, vessels, lungWeight, wall);
  }
}
