package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AverageLinkageTest {

  /** Distances between points 0, 0.25, 0.5, 0.75 on a line (exact in binary). */
  private static final double[][] LINE = line(0, 0.25, 0.5, 0.75);

  @Test
  void averageLinkageDoesNotChainLikeSingleLinkage() {
    // merges {0,1} at 0.25 (first of three ties), then {2,3} at 0.25 (the new {0,1}-2 distance
    // is (0.5 + 0.25) / 2 = 0.375), then stops: the two pairs are 0.5 apart on average
    assertArrayEquals(new int[] {0, 0, 1, 1}, AverageLinkage.cluster(LINE, 0.3));
    assertArrayEquals(new int[] {0, 0, 1, 1}, AverageLinkage.cluster(LINE, 0.375));
    assertArrayEquals(new int[] {0, 0, 1, 1}, AverageLinkage.cluster(LINE, 0.49));
  }

  @Test
  void aDistanceEqualToTheThresholdStillMerges() {
    assertArrayEquals(new int[] {0, 0, 0, 0}, AverageLinkage.cluster(LINE, 0.5));
    assertArrayEquals(new int[] {0, 1, 2, 3}, AverageLinkage.cluster(LINE, 0.2));
  }

  @Test
  void tiesGoToTheLowestIndices() {
    // 0.25 separates 0-1, 1-2 and 2-3 alike; at 0.25 the first merge is {0,1}, then
    // {0,1}-2 = 0.375 is too far while 2-3 = 0.25 merges
    assertArrayEquals(new int[] {0, 0, 1, 1}, AverageLinkage.cluster(LINE, 0.25));
  }

  @Test
  void labelsAreNumberedBySmallestMember() {
    double[][] d = line(10, 0, 10.1, 0.1, 20);
    assertArrayEquals(new int[] {0, 1, 0, 1, 2}, AverageLinkage.cluster(d, 0.5));
  }

  @Test
  void matchesABruteForceClusteringOnRandomMatrices() {
    Random random = new Random(17);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(25);
      double[][] d = new double[n][n];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          // coarse values so that ties are common
          d[i][j] = random.nextInt(9) / 8.0;
          d[j][i] = d[i][j];
        }
      }
      double threshold = random.nextInt(9) / 8.0;
      assertArrayEquals(
          bruteForce(d, threshold),
          AverageLinkage.cluster(d, threshold),
          "trial " + trial + " n " + n + " threshold " + threshold);
    }
  }

  /** Average linkage straight from the definition: mean member distance, lexicographic ties. */
  private static int[] bruteForce(double[][] d, double threshold) {
    int n = d.length;
    int[] label = new int[n];
    for (int i = 0; i < n; i++) {
      label[i] = i;
    }
    while (true) {
      int bestA = -1;
      int bestB = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int a = 0; a < n; a++) {
        for (int b = a + 1; b < n; b++) {
          if (isRoot(label, a) && isRoot(label, b)) {
            double mean = meanDistance(d, label, a, b);
            if (mean < best) {
              best = mean;
              bestA = a;
              bestB = b;
            }
          }
        }
      }
      if (bestA < 0 || best > threshold) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (label[i] == bestB) {
          label[i] = bestA;
        }
      }
    }
    int[] number = new int[n];
    Arrays.fill(number, -1);
    int next = 0;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      if (number[label[i]] < 0) {
        number[label[i]] = next++;
      }
      out[i] = number[label[i]];
    }
    return out;
  }

  private static boolean isRoot(int[] label, int i) {
    return label[i] == i;
  }

  private static double meanDistance(double[][] d, int[] label, int a, int b) {
    double sum = 0;
    int count = 0;
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < d.length; j++) {
        if (label[i] == a && label[j] == b) {
          sum += d[i][j];
          count++;
        }
      }
    }
    return sum / count;
  }

  private static double[][] line(double... x) {
    double[][] d = new double[x.length][x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        d[i][j] = Math.abs(x[i] - x[j]);
      }
    }
    return d;
  }
}
