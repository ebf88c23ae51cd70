package org.ambiseg.core;

import java.util.Arrays;

/**
 * Which group each sample of a {@link SampleSet} was drawn from, when the estimator itself groups
 * its samples (MoSE's experts), and each group's weight for the image. Viewers show such groups in
 * place of modes found by clustering.
 *
 * @param groupOf the group of each sample, in sample order, each in [0, weights.length)
 * @param weights each group's weight for the image (non-negative; MoSE's gate weights sum to 1)
 * @param noun what a group is called, singular, e.g. "expert"
 */
public record SampleGroups(int[] groupOf, double[] weights, String noun) {

  /** Copies the arrays and checks every group index and weight. */
  public SampleGroups {
    groupOf = groupOf.clone();
    weights = weights.clone();
    if (weights.length == 0) {
      throw new IllegalArgumentException("at least one group expected");
    }
    if (noun == null || noun.isBlank()) {
      throw new IllegalArgumentException("a group needs a name");
    }
    for (double w : weights) {
      if (!(w >= 0 && Double.isFinite(w))) {
        throw new IllegalArgumentException("group weight " + w + " is not a finite weight >= 0");
      }
    }
    for (int s = 0; s < groupOf.length; s++) {
      if (groupOf[s] < 0 || groupOf[s] >= weights.length) {
        throw new IllegalArgumentException(
            "sample " + s + " is in group " + groupOf[s] + " of " + weights.length);
      }
    }
  }

  /** Number of groups (including groups no sample was drawn from). */
  public int count() {
    return weights.length;
  }

  /** A copy of the group of each sample. */
  @Override
  public int[] groupOf() {
    return groupOf.clone();
  }

  /** A copy of the group weights. */
  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SampleGroups other
        && Arrays.equals(groupOf, other.groupOf)
        && Arrays.equals(weights, other.weights)
        && noun.equals(other.noun);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(groupOf) + Arrays.hashCode(weights)) + noun.hashCode();
  }

  @Override
  public String toString() {
    return "SampleGroups[" + weights.length + " " + noun + "s over " + groupOf.length + " samples]";
  }
}
