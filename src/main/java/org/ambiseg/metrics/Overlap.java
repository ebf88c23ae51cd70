package org.ambiseg.metrics;

import java.util.List;

/**
 * Overlap of two binary masks: intersection over union (Jaccard) and Dice, with the edge cases used
 * by every published LIDC evaluation (Kohl et al. 2018; PHiSeg, Baumgartner et al. 2019; SSN;
 * MoSE).
 *
 * <ul>
 *   <li>IoU(A, B) = |A &cap; B| / |A &cup; B| = |A &cap; B| / (|A| + |B| &minus; |A &cap; B|)
 *   <li>Dice(A, B) = 2 |A &cap; B| / (|A| + |B|)
 *   <li>both masks empty: IoU = Dice = 1 (distance 0); exactly one empty: IoU = Dice = 0 (distance
 *       1) &mdash; the formulas above already give 0 for the second case, the first is a convention
 *       (PHiSeg's {@code generalised_energy_distance} appends 1 when both are empty).
 *   <li>distance d(A, B) = 1 &minus; IoU(A, B), the metric used in GED.
 * </ul>
 */
public final class Overlap {

  private Overlap() {}

  /** IoU of two foreground arrays of equal length; 1 when both are empty. */
  public static double iou(boolean[] a, boolean[] b) {
    requireSameLength(a, b);
    int inter = 0;
    int sizeA = 0;
    int sizeB = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i]) {
        sizeA++;
        if (b[i]) {
          inter++;
        }
      }
      if (b[i]) {
        sizeB++;
      }
    }
    return iouFromCounts(sizeA, sizeB, inter);
  }

  /** IoU of two packed masks; 1 when both are empty. */
  public static double iou(BitMask a, BitMask b) {
    return iouFromCounts(a.foregroundCount(), b.foregroundCount(), a.intersectionCount(b));
  }

  /** Dice of two foreground arrays of equal length; 1 when both are empty. */
  public static double dice(boolean[] a, boolean[] b) {
    requireSameLength(a, b);
    int inter = 0;
    int sizeA = 0;
    int sizeB = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i]) {
        sizeA++;
        if (b[i]) {
          inter++;
        }
      }
      if (b[i]) {
        sizeB++;
      }
    }
    return diceFromCounts(sizeA, sizeB, inter);
  }

  /** Dice of two packed masks; 1 when both are empty. */
  public static double dice(BitMask a, BitMask b) {
    return diceFromCounts(a.foregroundCount(), b.foregroundCount(), a.intersectionCount(b));
  }

  /** The GED distance 1 &minus; IoU; 0 when both are empty, 1 when exactly one is. */
  public static double distance(BitMask a, BitMask b) {
    return 1.0 - iou(a, b);
  }

  /** IoU from the two foreground counts and the intersection count. */
  public static double iouFromCounts(int sizeA, int sizeB, int intersection) {
    int union = sizeA + sizeB - intersection;
    return union == 0 ? 1.0 : (double) intersection / union;
  }

  /** Dice from the two foreground counts and the intersection count. */
  public static double diceFromCounts(int sizeA, int sizeB, int intersection) {
    int sum = sizeA + sizeB;
    return sum == 0 ? 1.0 : 2.0 * intersection / sum;
  }

  /** IoU of every row mask with every column mask: {@code m[i][j] = IoU(rows[i], cols[j])}. */
  public static double[][] iouMatrix(List<BitMask> rows, List<BitMask> cols) {
    double[][] m = new double[rows.size()][cols.size()];
    for (int i = 0; i < rows.size(); i++) {
      BitMask a = rows.get(i);
      for (int j = 0; j < cols.size(); j++) {
        m[i][j] = iou(a, cols.get(j));
      }
    }
    return m;
  }

  /** IoU of every pair within one list (symmetric, ones on the diagonal). */
  public static double[][] iouMatrix(List<BitMask> masks) {
    int n = masks.size();
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1.0;
      for (int j = i + 1; j < n; j++) {
        double v = iou(masks.get(i), masks.get(j));
        m[i][j] = v;
        m[j][i] = v;
      }
    }
    return m;
  }

  private static void requireSameLength(boolean[] a, boolean[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "masks of different sizes: " + a.length + " and " + b.length + " pixels");
    }
  }
}
