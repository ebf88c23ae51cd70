package org.ambiseg.estimate;

import java.util.ArrayList;
import java.util.List;

/**
 * The distinct interpretations of a sample set: modes found by {@link ModeClustering}, or the
 * groups the estimator drew the samples from (MoSE's experts, see {@link ModeClustering#modesOf}).
 * Sorted by weight, largest first (ties: the mode with the smaller first member first).
 *
 * @param modes the modes; clustered modes' weights are sample fractions summing to 1, an
 *     estimator's groups carry its own weights (groups no sample came from are left out)
 * @param sampleCount number of samples
 * @param threshold distance threshold (1 &minus; IoU) the clustering was cut at; NaN for an
 *     estimator's own groups
 * @param noun what a mode is called in {@link #describe()}, singular: "interpretation" or "expert"
 * @param names each mode's short name, e.g. "mode 1" or "expert 3" (an expert keeps its number)
 */
public record Modes(
    List<Mode> modes, int sampleCount, double threshold, String noun, List<String> names) {

  /** Most weights {@link #describe()} lists before summing up the rest as "(n more)". */
  private static final int DESCRIBED = 5;

  /** Copies the lists; checks there is a mode and one name per mode. */
  public Modes {
    modes = List.copyOf(modes);
    names = List.copyOf(names);
    if (modes.isEmpty()) {
      throw new IllegalArgumentException("at least one mode expected");
    }
    if (names.size() != modes.size()) {
      throw new IllegalArgumentException(names.size() + " names for " + modes.size() + " modes");
    }
  }

  /** Clustered modes, called "interpretation" and named "mode 1", "mode 2"... */
  public Modes(List<Mode> modes, int sampleCount, double threshold) {
    this(modes, sampleCount, threshold, "interpretation", numbered("mode", modes.size()));
  }

  private static List<String> numbered(String word, int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      out.add(word + " " + i);
    }
    return out;
  }

  /** The short name of mode {@code i}, e.g. "mode 1" or "expert 3". */
  public String name(int i) {
    return names.get(i);
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
    String word = modes.size() == 1 ? " " + noun + ": " : " " + noun + "s: ";
    return modes.size() + word + String.join(" / ", parts);
  }
}
