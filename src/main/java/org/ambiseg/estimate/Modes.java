package org.ambiseg.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * The distinct interpretations of a sample set, as found by {@link ModeClustering}: modes sorted by
 * weight, largest first (ties: the mode with the smaller first member first).
 *
 * @param modes the modes, weights summing to 1
 * @param sampleCount number of samples clustered
 * @param threshold distance threshold (1 &minus; IoU) the clustering was cut at
 */
public record Modes(List<Mode> modes, int sampleCount, double threshold) {

  /** Most weights {@link #describe()} lists before summing up the rest as "(n more)". */
  private static final int DESCRIBED = 5;

  /** Copies the list. */
  public Modes {
    modes = List.copyOf(modes);
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("at least one mode expected");
    }
  }

  /** Number of modes. */
  public int size() {
    return modes.size();
  }

  /** Mode {@code i}, 0 being the heaviest. */
  public Mode get(int i) {
    return modes.get(i);
  }

  /** The heaviest mode. */
  public Mode dominant() {
    return modes.get(0);
  }

  /**
   * The modes in words, e.g. "3 interpretations: 60 % / 30 % / 10 %" (weights rounded to whole
   * percent, so they may not add up to exactly 100; a weight that rounds to 0 shows as "&lt;1 %").
   * Past five modes the rest are counted: "40 interpretations: 9 % / 7 % / 5 % / 4 % / 4 % / ...
   * (35 more)".
   */
  public String describe() {
    List<String> parts = new ArrayList<>(DESCRIBED + 1);
    for (Mode m : modes.subList(0, Math.min(DESCRIBED, modes.size()))) {
      long percent = Math.round(m.weight() * 100);
      parts.add(percent == 0 ? "<1 %" : percent + " %");
    }
    if (modes.size() > DESCRIBED) {
      parts.add("... (" + (modes.size() - DESCRIBED) + " more)");
    }
    String noun = modes.size() == 1 ? " interpretation: " : " interpretations: ";
    return modes.size() + noun + String.join(" / ", parts);
  }
}
