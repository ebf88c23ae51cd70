package org.ambiseg.estimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ambiseg.core.SampleSet;
import org.ambiseg.metrics.BitMask;
import org.ambiseg.metrics.Overlap;

/**
 * Groups a sample set's hard masks (p &ge; 0.5) into a few distinct interpretations, e.g. "60 % of
 * samples outline the core only, 30 % the core and a lobe, 10 % see nothing".
 *
 * <p>Distance between two samples is d = 1 &minus; IoU of their hard masks, with two empty masks at
 * distance 0 and an empty and a non-empty mask at distance 1 ({@link Overlap}), so below a
 * threshold of 1 the empty masks always form a mode of their own. The samples are clustered by
 * {@link AverageLinkage} (average linkage, merging while the mean distance between two clusters is
 * at most the threshold). Deterministic: the same set gives the same modes, ties broken by sample
 * index.
 */
public final class ModeClustering {

  /**
   * Default distance threshold: clusters whose masks overlap with mean IoU of 0.7 or more merge.
   */
  public static final double DEFAULT_THRESHOLD = 0.3;

  private final double threshold;

  private ModeClustering(double threshold) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("distance threshold " + threshold + " outside [0, 1]");
    }
    this.threshold = threshold;
  }

  /** Clustering at {@link #DEFAULT_THRESHOLD}. */
  public static ModeClustering withDefaults() {
    return new ModeClustering(DEFAULT_THRESHOLD);
  }

  /**
   * Clustering at a distance threshold in [0, 1]: 0 merges only identical masks, 1 merges
   * everything.
   */
  public static ModeClustering withThreshold(double threshold) {
    return new ModeClustering(threshold);
  }

  /** The distance threshold (1 &minus; IoU). */
  public double threshold() {
    return threshold;
  }

  /** Finds the modes of a sample set. */
  public Modes cluster(SampleSet samples) {
    int n = samples.size();
    List<BitMask> masks = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      masks.add(BitMask.of(samples.foreground(s)));
    }
    double[][] distances = Overlap.iouMatrix(masks);
    for (double[] row : distances) {
      for (int j = 0; j < n; j++) {
        row[j] = 1.0 - row[j];
      }
    }
    int[] labels = AverageLinkage.cluster(distances, threshold);
    List<List<Integer>> groups = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      if (labels[s] == groups.size()) {
        groups.add(new ArrayList<>());
      }
      groups.get(labels[s]).add(s);
    }
    List<Mode> modes = new ArrayList<>(groups.size());
    for (List<Integer> members : groups) {
      modes.add(
          new Mode(
              (double) members.size() / n,
              members,
              medoid(members, distances),
              meanProbability(samples, members)));
    }
    // groups are numbered by smallest member, so a stable sort breaks weight ties by index
    modes.sort(Comparator.comparingInt(Mode::size).reversed());
    return new Modes(modes, n, threshold);
  }

  /** The member with the smallest summed distance to the others (the first on ties). */
  private static int medoid(List<Integer> members, double[][] distances) {
    int best = members.get(0);
    double bestSum = Double.POSITIVE_INFINITY;
    for (int i : members) {
      double sum = 0;
      for (int j : members) {
        sum += distances[i][j];
      }
      if (sum < bestSum) {
        bestSum = sum;
        best = i;
      }
    }
    return best;
  }

  /** Mean of the members' probability maps. */
  private static float[] meanProbability(SampleSet samples, List<Integer> members) {
    int pixels = samples.width() * samples.height();
    double[] sum = new double[pixels];
    for (int s : members) {
      for (int k = 0; k < pixels; k++) {
        sum[k] += samples.probabilityAt(s, k);
      }
    }
    float[] mean = new float[pixels];
    for (int k = 0; k < pixels; k++) {
      mean[k] = (float) (sum[k] / members.size());
    }
    return mean;
  }
}
