package org.ambiseg.metrics;

import java.util.List;

/**
 * Hungarian-matched IoU (HM-IoU, Kohl et al. 2019, HPU-Net; also reported by MoSE): the N samples
 * are matched one-to-one to the M rater masks tiled k = &lceil;N/M&rceil; times, and the matched
 * IoUs are averaged over the samples:
 *
 * <pre>
 * HM-IoU = 1/N max_&pi; &Sigma;_i IoU(s_i, y_{&pi;(i) mod M}),   &pi; injective {1..N} &rarr; {1..kM}
 * </pre>
 *
 * When N is a multiple of M this is the square N x N matching of the published code; otherwise the
 * rectangular N x kM assignment is solved exactly by {@link HungarianAlgorithm}. IoU uses the
 * conventions of {@link Overlap} (empty/empty = 1). Higher is better.
 */
public final class HungarianMatchedIou {

  private HungarianMatchedIou() {}

  /** HM-IoU of foreground arrays (samples, rater masks). */
  public static double compute(List<boolean[]> samples, List<boolean[]> raters) {
    return computePacked(BitMask.ofAll(samples), BitMask.ofAll(raters));
  }

  /** HM-IoU of packed masks (samples, rater masks). */
  public static double computePacked(List<BitMask> samples, List<BitMask> raters) {
    GeneralisedEnergyDistance.requireNonEmpty(samples, raters);
    return fromIou(Overlap.iouMatrix(samples, raters));
  }

  /** HM-IoU from the N x M matrix {@code cross[i][j] = IoU(s_i, y_j)}. */
  public static double fromIou(double[][] cross) {
    if (cross.length == 0 || cross[0].length == 0) {
      throw new IllegalArgumentException("HM-IoU needs at least one sample and one rater mask");
    }
    int n = cross.length;
    int m = cross[0].length;
    int copies = (n + m - 1) / m;
    double[][] tiled = new double[n][copies * m];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < copies; c++) {
        System.arraycopy(cross[i], 0, tiled[i], c * m, m);
      }
    }
    int[] match = HungarianAlgorithm.maximiseWeight(tiled);
    return HungarianAlgorithm.total(tiled, match) / n;
  }
}
