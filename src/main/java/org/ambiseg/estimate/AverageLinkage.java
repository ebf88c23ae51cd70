package org.ambiseg.estimate;

import java.util.Arrays;

/**
 * Agglomerative clustering with average linkage (UPGMA), cut at a distance threshold: starting from
 * singletons, the two clusters with the smallest average pairwise distance are merged while that
 * distance is at most the threshold.
 *
 * <p>The distance between merged clusters follows the Lance&ndash;Williams update d(k, i &cup; j) =
 * (n<sub>i</sub> d(k, i) + n<sub>j</sub> d(k, j)) / (n<sub>i</sub> + n<sub>j</sub>), which equals
 * the mean of all member-to-member distances. Average linkage never merges at a smaller distance
 * than the merge before, so stopping at the threshold is the same as cutting the full dendrogram
 * there (as SciPy's {@code fcluster(criterion="distance")} does). Ties go to the pair with the
 * smallest first index, then the smallest second index. Each cluster keeps, per row, its nearest
 * later cluster, so a merge costs O(N) in the common case instead of an O(N&sup2;) scan.
 */
final class AverageLinkage {

  private AverageLinkage() {}

  /**
   * Cluster label of every item, numbered 0, 1, .. in order of each cluster's smallest member.
   *
   * @param distances symmetric matrix of pairwise distances (the diagonal is ignored)
   * @param threshold largest average distance at which two clusters still merge
   */
  static int[] cluster(double[][] distances, double threshold) {
    int n = distances.length;
    double[][] d = new double[n][];
    for (int i = 0; i < n; i++) {
      if (distances[i].length != n) {
        throw new IllegalArgumentException("distance matrix is not square");
      }
      d[i] = distances[i].clone();
    }
    int[] size = new int[n];
    int[] parent = new int[n]; // cluster each item was last merged into (itself while active)
    boolean[] active = new boolean[n];
    int[] nearest = new int[n]; // nearest active cluster with a larger index, -1 if none
    for (int i = 0; i < n; i++) {
      size[i] = 1;
      parent[i] = i;
      active[i] = true;
    }
    for (int i = 0; i < n; i++) {
      nearest[i] = nearestAfter(i, d, active);
    }
    while (true) {
      int a = -1;
      for (int i = 0; i < n; i++) {
        if (active[i] && nearest[i] >= 0 && (a < 0 || d[i][nearest[i]] < d[a][nearest[a]])) {
          a = i;
        }
      }
      if (a < 0 || d[a][nearest[a]] > threshold) {
        break;
      }
      int b = nearest[a];
      // merge b into a
      for (int k = 0; k < n; k++) {
        if (active[k] && k != a && k != b) {
          double merged = (size[a] * d[a][k] + size[b] * d[b][k]) / (size[a] + size[b]);
          d[a][k] = merged;
          d[k][a] = merged;
        }
      }
      size[a] += size[b];
      active[b] = false;
      parent[b] = a;
      for (int k = 0; k < n; k++) {
        if (active[k] && (k == a || nearest[k] == a || nearest[k] == b)) {
          nearest[k] = nearestAfter(k, d, active);
        }
      }
    }
    return labels(parent);
  }

  /** The active cluster j &gt; i nearest to i (smallest j on ties), or -1. */
  private static int nearestAfter(int i, double[][] d, boolean[] active) {
    int best = -1;
    for (int j = i + 1; j < d.length; j++) {
      if (active[j] && (best < 0 || d[i][j] < d[i][best])) {
        best = j;
      }
    }
    return best;
  }

  /** Follows merges to each item's final cluster and numbers clusters by smallest member. */
  private static int[] labels(int[] parent) {
    int n = parent.length;
    int[] labelOfRoot = new int[n];
    Arrays.fill(labelOfRoot, -1);
    int[] labels = new int[n];
    int next = 0;
    for (int i = 0; i < n; i++) {
      int r = i;
      while (parent[r] != r) {
        r = parent[r];
      }
      if (labelOfRoot[r] < 0) {
        labelOfRoot[r] = next++;
      }
      labels[i] = labelOfRoot[r];
    }
    return labels;
  }
}
