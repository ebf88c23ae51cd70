package org.ambiseg.io.synth;

import java.util.Arrays;

/**
 * Measures lesion contrast in a finished image: the median inside a region minus the median of a
 * background ring 5..12 px (at 128 px scale) outside the whole lesion.
 */
final class Contrast {

  private Contrast() {}

  /**
   * Contrast of the core (when {@code ofCore}) or of the lobe away from the core (lobe pixels more
   * than 1.5 px outside the core), given each shape's signed distance per pixel ({@code
   * lobeDistance} null when there is no lobe); 0 when the region or the ring is empty.
   */
  static double measure(
      float[] img, float[] coreDistance, float[] lobeDistance, boolean ofCore, double s) {
    float[] region = new float[img.length];
    float[] ring = new float[img.length];
    int nr = 0;
    int nb = 0;
    for (int i = 0; i < img.length; i++) {
      double dc = coreDistance[i];
      double dl = lobeDistance == null ? Double.POSITIVE_INFINITY : lobeDistance[i];
      double d = Math.min(dc, dl);
      boolean inRegion = ofCore ? dc < -0.5 : dl < -0.5 && dc > 1.5 * s;
      if (inRegion) {
        region[nr++] = img[i];
      } else if (d > 5 * s && d < 12 * s) {
        ring[nb++] = img[i];
      }
    }
    if (nr == 0 || nb == 0) {
      return 0;
    }
    return median(region, nr) - median(ring, nb);
  }

  private static double median(float[] values, int n) {
    float[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
  }
}
