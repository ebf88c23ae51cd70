package org.ambiseg.core;

/**
 * One of the known plausible segmentations of a synthetic case, with the probability that a rater
 * draws it (from the case's truth.json); used to check a model's sample distribution against the
 * truth.
 *
 * @param name short label, e.g. "core", "core+lobe", "nothing"
 * @param probability probability that a rater picks this interpretation
 * @param mask the interpretation's mask (before any boundary jitter)
 */
public record Interpretation(String name, double probability, LabelMask mask) {

  /** Validates the probability. */
  public Interpretation {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability " + probability + " outside [0, 1]");
    }
  }
}
