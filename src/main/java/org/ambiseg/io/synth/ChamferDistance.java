package org.ambiseg.io.synth;

import java.util.Arrays;

/**
 * Approximate Euclidean distance to the nearest target pixel by a two-pass chamfer transform with
 * steps 1 (edge neighbours) and sqrt(2) (diagonal neighbours).
 */
final class ChamferDistance {

  private static final float DIAGONAL = (float) Math.sqrt(2.0);

  private ChamferDistance() {}

  /** Distance of every pixel to the nearest pixel where {@code target} is true (0 on targets). */
  static float[] toNearest(boolean[] target, int w, int h) {
    float far = w + h;
    float[] d = new float[w * h];
    Arrays.fill(d, far);
    for (int i = 0; i < d.length; i++) {
      if (target[i]) {
        d[i] = 0;
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        float v = d[i];
        if (x > 0) {
          v = Math.min(v, d[i - 1] + 1);
        }
        if (y > 0) {
          v = Math.min(v, d[i - w] + 1);
          if (x > 0) {
            v = Math.min(v, d[i - w - 1] + DIAGONAL);
          }
          if (x < w - 1) {
            v = Math.min(v, d[i - w + 1] + DIAGONAL);
          }
        }
        d[i] = v;
      }
    }
    for (int y = h - 1; y >= 0; y--) {
      for (int x = w - 1; x >= 0; x--) {
        int i = y * w + x;
        float v = d[i];
        if (x < w - 1) {
          v = Math.min(v, d[i + 1] + 1);
        }
        if (y < h - 1) {
          v = Math.min(v, d[i + w] + 1);
          if (x < w - 1) {
            v = Math.min(v, d[i + w + 1] + DIAGONAL);
          }
          if (x > 0) {
            v = Math.min(v, d[i + w - 1] + DIAGONAL);
          }
        }
        d[i] = v;
      }
    }
    return d;
  }
}
