package org.ambiseg.estimate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ambiseg.core.SampleGroups;
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

  /**
   * The modes to show for {@code samples}: the groups the estimator drew them from when it has them
   * (MoSE's experts, with the gate's weights, named by expert number), else the clustered modes.
   */
  public Modes modesOf(SampleSet samples) {
    return samples.groups().map(g -> groupModes(samples, g)).orElseGet(() -> cluster(samples));
  }

  /** Modes from an estimator's groups: each group a sample came from, with the group's weight. */
  private static Modes groupModes(SampleSet samples, SampleGroups groups) {
    int[] groupOf = groups.groupOf();
    double[] weights = groups.weights();
    List<List<Integer>> members = new ArrayList<>();
    for (int g = 0; g < groups.count(); g++) {
      members.add(new ArrayList<>());
    }
    for (int s = 0; s < groupOf.length; s++) {
      members.get(groupOf[s]).add(s);
    }
    List<Integer> present = new ArrayList<>();
    for (int g = 0; g < groups.count(); g++) {
      if (!members.get(g).isEmpty()) {
        present.add(g);
      }
    }
    // heaviest first; equal weights: the group with the smaller first member first
    present.sort(
        Comparator.comparingDouble((Integer g) -> -weights[g])
            .thenComparingInt(g -> members.get(g).get(0)));
    double[][] distances = distances(samples);
    List<Mode> modes = new ArrayList<>(present.size());
    List<String> names = new ArrayList<>(present.size());
    for (int g : present) {
      List<Integer> m = members.get(g);
      modes.add(new Mode(weights[g], m, medoid(m, distances), meanProbability(samples, m)));
      names.add(groups.noun() + " " + (g + 1));
    }
    return new Modes(modes, samples.size(), Double.NaN, groups.noun(), names);
  }

  /** Distance 1 &minus; IoU between every two samples' hard masks. */
  private static double[][] distances(SampleSet samples) {
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
    return distances;
  }

  /** Finds the modes of a sample set. */
  public Modes cluster(SampleSet samples) {
    int n = samples.size();
    double[][] distances = distances(samples);
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
