package org.ambiseg.metrics;

import java.util.List;

/**
 * Generalised energy distance (GED) between a set of sampled segmentations and a set of rater
 * masks, in the biased form with self-pairs that Kohl et al. (2018, Prob U-Net) and PHiSeg
 * (Baumgartner et al. 2019, {@code utils.generalised_energy_distance}) publish with:
 *
 * <pre>
 * GED = 2/(N M) &Sigma;_i &Sigma;_j d(s_i, y_j) &minus; 1/N&sup2; &Sigma;_i &Sigma;_k d(s_i, s_k)
 *       &minus; 1/M&sup2; &Sigma;_j &Sigma;_l d(y_j, y_l),       d = 1 &minus; IoU
 * </pre>
 *
 * with the IoU conventions of {@link Overlap} (both empty: d = 0; one empty: d = 1). The pairs i =
 * k and j = l are included (their distance is 0), which is why GED of identical sets is 0. Dropping
 * them gives numbers that are not comparable with published ones.
 */
public final class GeneralisedEnergyDistance {

  private GeneralisedEnergyDistance() {}

  /** GED of foreground arrays (samples s_1..s_N, rater masks y_1..y_M). */
  public static GedResult compute(List<boolean[]> samples, List<boolean[]> raters) {
    return computePacked(BitMask.ofAll(samples), BitMask.ofAll(raters));
  }

  /** GED of packed masks (samples s_1..s_N, rater masks y_1..y_M). */
  public static GedResult computePacked(List<BitMask> samples, List<BitMask> raters) {
    requireNonEmpty(samples, raters);
    return fromIou(
        Overlap.iouMatrix(samples, raters), Overlap.iouMatrix(samples), Overlap.iouMatrix(raters));
  }

  /**
   * GED from precomputed IoU matrices: {@code cross[i][j] = IoU(s_i, y_j)}, {@code
   * samplePairs[i][k] = IoU(s_i, s_k)}, {@code raterPairs[j][l] = IoU(y_j, y_l)}.
   */
  public static GedResult fromIou(double[][] cross, double[][] samplePairs, double[][] raterPairs) {
    int n = samplePairs.length;
    int m = raterPairs.length;
    double crossTerm = meanDistance(cross);
    double sampleTerm = meanDistance(samplePairs);
    double raterTerm = meanDistance(raterPairs);
    return new GedResult(
        2 * crossTerm - sampleTerm - raterTerm, crossTerm, sampleTerm, raterTerm, n, m);
  }

  private static double meanDistance(double[][] iou) {
    double sum = 0;
    int count = 0;
    for (double[] row : iou) {
      for (double v : row) {
        sum += 1.0 - v;
        count++;
      }
    }
    return sum / count;
  }

  static void requireNonEmpty(List<?> samples, List<?> raters) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples to score");
    }
    if (raters.isEmpty()) {
      throw new IllegalArgumentException("no rater masks to score against");
    }
  }
}
