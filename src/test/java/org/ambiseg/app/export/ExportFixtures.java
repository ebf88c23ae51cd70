package org.ambiseg.app.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.io.ExportStamp;

/** Small hand-built images, sample sets and stamps for the export tests. */
final class ExportFixtures {

  /** Image width. */
  static final int W = 8;

  /** Image height. */
  static final int H = 6;

  /** Grey value of every image pixel: 0.2, i.e. 51 of 255. */
  static final float GREY = 0.2f;

  private ExportFixtures() {}

  /** A flat grey 8 x 6 image. */
  static Image2D image() {
    float[] px = new float[W * H];
    Arrays.fill(px, GREY);
    return Image2D.grey(W, H, px);
  }

  /**
   * {@code n} samples (n at most 5): sample k is a 3 x 3 square of probability 0.9 with its
   * top-left corner at (k, 1), 0.1 elsewhere.
   */
  static SampleSet samples(int n) {
    List<float[]> maps = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      maps.add(square(k));
    }
    return SampleSet.of(W, H, maps, "hand-built", 11);
  }

  /** The map of sample k. */
  static float[] square(int k) {
    float[] p = new float[W * H];
    Arrays.fill(p, 0.1f);
    for (int y = 1; y < 4; y++) {
      for (int x = k; x < k + 3; x++) {
        p[y * W + x] = 0.9f;
      }
    }
    return p;
  }

  /** A stamp for {@code n} samples. */
  static ExportStamp stamp(int n) {
    return ExportStamp.of(
        "probunet-shapes", "Prob U-Net", 11, n, "0.1.0", Instant.parse("2026-11-23T10:00:00Z"));
  }
}
