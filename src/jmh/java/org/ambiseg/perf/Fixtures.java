package org.ambiseg.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ambiseg.core.Image2D;

/** Deterministic synthetic inputs for the benchmarks: discs of varying size and probability maps. */
final class Fixtures {

  static final int SIZE = 128;

  private Fixtures() {}

  /** {@code n} disc masks around the centre with radii and offsets drawn from {@code seed}. */
  static List<boolean[]> discs(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<boolean[]> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      double cx = SIZE / 2.0 + random.nextDouble(-8, 8);
      double cy = SIZE / 2.0 + random.nextDouble(-8, 8);
      double r = random.nextDouble(10, 30);
      boolean[] m = new boolean[SIZE * SIZE];
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          m[y * SIZE + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r;
        }
      }
      out.add(m);
    }
    return out;
  }

  /** {@code n} smooth probability maps (soft discs) in [0, 1]. */
  static List<float[]> probabilities(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<float[]> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      double cx = SIZE / 2.0 + random.nextDouble(-8, 8);
      double r = random.nextDouble(10, 30);
      float[] p = new float[SIZE * SIZE];
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          double d = Math.hypot(x - cx, y - SIZE / 2.0) - r;
          p[y * SIZE + x] = (float) (1 / (1 + Math.exp(d / 2)));
        }
      }
      out.add(p);
    }
    return out;
  }

  /** A grey image with a gradient and noise. */
  static Image2D image() {
    SplittableRandom random = new SplittableRandom(7);
    float[] px = new float[SIZE * SIZE];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) Math.min(1, (i % SIZE) / (double) SIZE * 0.8 + random.nextDouble(0, 0.2));
    }
    return Image2D.grey(SIZE, SIZE, px);
  }
}
