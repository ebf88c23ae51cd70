package org.ambiseg.io.synth;

import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.LabelMask;

/**
 * Minimal IoU and GED for the synthetic-data tests (the real metrics live in org.ambiseg.metrics).
 *
 * <p>d(a, b) = 1 - IoU(a, b), with IoU(empty, empty) = 1. D^2_GED(S, Y) = 2 E[d(s, y)] - E[d(s,
 * s')] - E[d(y, y')], each expectation the mean over all ordered pairs including i = j (as in the
 * PHiSeg and Prob. U-Net evaluation code).
 */
final class SynthMetrics {

  private SynthMetrics() {}

  static double iou(LabelMask a, LabelMask b) {
    boolean[] x = a.foreground();
    boolean[] y = b.foreground();
    int inter = 0;
    int union = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] && y[i]) {
        inter++;
      }
      if (x[i] || y[i]) {
        union++;
      }
    }
    return union == 0 ? 1.0 : inter / (double) union;
  }

  static double gedSquared(List<LabelMask> samples, List<LabelMask> raters) {
    List<long[]> s = bits(samples);
    List<long[]> y = bits(raters);
    return 2 * meanDistance(s, y) - meanDistance(s, s) - meanDistance(y, y);
  }

  /** Foreground as a bit set, so the O(n^2) pairs of GED cost a popcount per 64 pixels. */
  private static List<long[]> bits(List<LabelMask> masks) {
    List<long[]> out = new ArrayList<>();
    for (LabelMask m : masks) {
      boolean[] fg = m.foreground();
      long[] w = new long[(fg.length + 63) / 64];
      for (int i = 0; i < fg.length; i++) {
        if (fg[i]) {
          w[i >> 6] |= 1L << (i & 63);
        }
      }
      out.add(w);
    }
    return out;
  }

  private static double meanDistance(List<long[]> a, List<long[]> b) {
    double sum = 0;
    for (long[] x : a) {
      for (long[] y : b) {
        int inter = 0;
        int union = 0;
        for (int k = 0; k < x.length; k++) {
          inter += Long.bitCount(x[k] & y[k]);
          union += Long.bitCount(x[k] | y[k]);
        }
        sum += union == 0 ? 0 : 1 - inter / (double) union;
      }
    }
    return sum / (a.size() * (double) b.size());
  }

  static double pearson(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
