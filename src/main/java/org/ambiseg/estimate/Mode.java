package org.ambiseg.estimate;

import java.util.Arrays;
import java.util.List;

/**
 * One distinct interpretation found among a sample set's hard masks: a cluster of samples that
 * segment the image alike.
 *
 * @param weight fraction of all samples in this mode, in (0, 1]
 * @param members indices of the member samples, ascending
 * @param representative index of the medoid: the member with the smallest mean distance (1 &minus;
 *     IoU) to the other members, the smallest index on ties
 * @param meanProbability mean of the members' foreground probability maps, row-major
 */
public record Mode(
    double weight, List<Integer> members, int representative, float[] meanProbability) {

  /** Copies the members and the map, and checks that the representative is a member. */
  public Mode {
    members = List.copyOf(members);
    if (!members.contains(representative)) {
      throw new IllegalArgumentException(
          "representative " + representative + " is not among the members " + members);
    }
    meanProbability = meanProbability.clone();
  }

  /** Number of member samples. */
  public int size() {
    return members.size();
  }

  /** A copy of the members' mean foreground probability map. */
  @Override
  public float[] meanProbability() {
    return meanProbability.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mode other
        && weight == other.weight
        && representative == other.representative
        && members.equals(other.members)
        && Arrays.equals(meanProbability, other.meanProbability);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * members.hashCode() + representative) + Arrays.hashCode(meanProbability);
  }

  @Override
  public String toString() {
    return "Mode[weight="
        + weight
        + ", members="
        + members
        + ", representative="
        + representative
        + "]";
  }
}
