package org.ambiseg.io.synth;

/**
 * What to generate: stored in truth.json under "generator" so any case can be regenerated (case
 * {@code synth-<i>} is {@code new SynthCaseGenerator(size, seed).generate(i)}).
 *
 * @param cases total number of cases over all splits (at least 1)
 * @param size image width and height in pixels (32..2048)
 * @param seed the generator seed
 * @param split how cases are divided into train, val and test
 */
public record SynthSettings(int cases, int size, long seed, SplitFractions split) {

  /** Validates the case count and size. */
  public SynthSettings {
    if (cases < 1) {
      throw new IllegalArgumentException("need at least one case, got " + cases);
    }
    if (size < 32 || size > 2048) {
      throw new IllegalArgumentException("image size must be in 32..2048, got " + size);
    }
    if (split == null) {
      throw new IllegalArgumentException("a split is required");
    }
  }
}
