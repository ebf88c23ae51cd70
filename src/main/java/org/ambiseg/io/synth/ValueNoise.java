package org.ambiseg.io.synth;

import java.util.SplittableRandom;

/**
 * Smooth correlated noise: random values on a coarse lattice, interpolated with a smoothstep
 * weight, summed over octaves (fractal value noise). Output roughly in [-1, 1].
 */
final class ValueNoise {

  private ValueNoise() {}

  /**
   * Sum of {@code octaves} value-noise layers; layer o has cell size {@code cell / 2^o} and weight
   * {@code persistence^o}; the sum is divided by the total weight.
   */
  static float[] fractal(
      int width, int height, double cell, int octaves, double persistence, SplittableRandom rng) {
    float[] out = new float[width * height];
    double amp = 1.0;
    double total = 0.0;
    double c = cell;
    for (int o = 0; o < octaves; o++) {
      float[] layer = layer(width, height, Math.max(1.0, c), rng);
      for (int i = 0; i < out.length; i++) {
        out[i] += (float) (amp * layer[i]);
      }
      total += amp;
      amp *= persistence;
      c /= 2.0;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= (float) total;
    }
    return out;
  }

  /** One layer: lattice values uniform in [-1, 1], lattice randomly shifted by up to one cell. */
  static float[] layer(int width, int height, double cell, SplittableRandom rng) {
    int gw = (int) Math.ceil(width / cell) + 3;
    int gh = (int) Math.ceil(height / cell) + 3;
    float[] grid = new float[gw * gh];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = (float) (2.0 * rng.nextDouble() - 1.0);
    }
    double ox = rng.nextDouble() * cell;
    double oy = rng.nextDouble() * cell;
    float[] out = new float[width * height];
    for (int y = 0; y < height; y++) {
      double gy = (y + oy) / cell;
      int iy = (int) gy;
      double ty = smooth(gy - iy);
      for (int x = 0; x < width; x++) {
        double gx = (x + ox) / cell;
        int ix = (int) gx;
        double tx = smooth(gx - ix);
        double a = grid[iy * gw + ix];
        double b = grid[iy * gw + ix + 1];
        double c = grid[(iy + 1) * gw + ix];
        double d = grid[(iy + 1) * gw + ix + 1];
        double top = a + (b - a) * tx;
        double bottom = c + (d - c) * tx;
        out[y * width + x] = (float) (top + (bottom - top) * ty);
      }
    }
    return out;
  }

  private static double smooth(double t) {
    return t * t * (3.0 - 2.0 * t);
  }
}
