package org.ambiseg.train;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.ambiseg.core.Case;

/**
 * Splits cases into training and selection sets by patient (group id), so no patient is in both: a
 * seeded shuffle of the sorted patient ids, the first {@code fraction} of them held out.
 */
public final class PatientSplit {

  private PatientSplit() {}

  /** The two sides of a split. */
  public record Split(List<Case> training, List<Case> selection) {}

  /** Holds out about {@code fraction} of the patients (at least one when fraction > 0). */
  public static Split split(List<Case> cases, double fraction, long seed) {
    Set<String> heldOut = heldOutGroups(cases.stream().map(Case::groupId).toList(), fraction, seed);
    List<Case> training = new ArrayList<>();
    List<Case> selection = new ArrayList<>();
    for (Case c : cases) {
      (heldOut.contains(c.groupId()) ? selection : training).add(c);
    }
    return new Split(training, selection);
  }

  /**
   * The group ids {@link #split} holds out of {@code groupIds} (one per case, repeats allowed), so
   * a caller can count a split from the ids alone without decoding the cases.
   */
  public static Set<String> heldOutGroups(Collection<String> groupIds, double fraction, long seed) {
    List<String> groups = new ArrayList<>(new TreeSet<>(groupIds));
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = groups.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = groups.get(i);
      groups.set(i, groups.get(j));
      groups.set(j, t);
    }
    int held = fraction <= 0 ? 0 : Math.max(1, (int) Math.round(fraction * groups.size()));
    held = Math.min(held, groups.size() - 1);
    return new TreeSet<>(groups.subList(0, Math.max(0, held)));
  }
}
