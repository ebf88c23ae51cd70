package org.ambiseg.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/**
 * Small generated cases for trainer tests: a bright disc, raters drawing it, a larger one, or
 * nothing.
 */
final class TinyCases {

  private TinyCases() {}

  static List<Case> make(int count, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Case> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double cx = size / 4.0 + random.nextDouble() * size / 2;
      double cy = size / 4.0 + random.nextDouble() * size / 2;
      double r = size / 8.0 + random.nextDouble() * size / 8;
      float[] px = new float[size * size];
      boolean[] disc = new boolean[size * size];
      boolean[] big = new boolean[size * size];
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double d = Math.hypot(x - cx, y - cy);
          px[y * size + x] =
              (float)
                  Math.min(1, Math.max(0, 0.3 + (d < r ? 0.4 : 0) + 0.05 * random.nextGaussian()));
          disc[y * size + x] = d < r;
          big[y * size + x] = d < r * 1.5;
        }
      }
      List<LabelMask> raters =
          List.of(
              LabelMask.binary(size, size, disc),
              LabelMask.binary(size, size, big),
              LabelMask.empty(size, size));
      out.add(
          new Case(
              "case-" + i,
              Optional.of("patient-" + (i / 2)),
              Image2D.grey(size, size, px),
              raters,
              java.util.Map.of()));
    }
    return out;
  }
}
