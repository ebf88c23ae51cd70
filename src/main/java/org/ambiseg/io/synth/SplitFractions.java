package org.ambiseg.io.synth;

/**
 * How cases are divided into train, validation and test sets, as fractions summing to 1.
 *
 * @param train fraction of cases for training
 * @param val fraction for validation
 * @param test fraction for testing
 */
public record SplitFractions(double train, double val, double test) {

  /** The default 70 / 15 / 15 split. */
  public static final SplitFractions DEFAULT = new SplitFractions(0.7, 0.15, 0.15);

  /** Validates that the fractions are non-negative and sum to 1 (within 1e-6). */
  public SplitFractions {
    if (!(train >= 0 && val >= 0 && test >= 0)) {
      throw new IllegalArgumentException(
          "split fractions must be non-negative, got " + train + "," + val + "," + test);
    }
    double sum = train + val + test;
    if (Math.abs(sum - 1) > 1e-6) {
      throw new IllegalArgumentException("split fractions must sum to 1, got " + sum);
    }
  }

  /** Parses "0.7,0.15,0.15". */
  public static SplitFractions parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "a split is three fractions train,val,test (e.g. 0.7,0.15,0.15), got '" + text + "'");
    }
    try {
      return new SplitFractions(
          Double.parseDouble(parts[0].trim()),
          Double.parseDouble(parts[1].trim()),
          Double.parseDouble(parts[2].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("split '" + text + "' has a value that is not a number");
    }
  }

  /**
   * Case counts {train, val, test} for {@code n} cases: val and test rounded to nearest, train the
   * rest.
   */
  public int[] counts(int n) {
    int v = (int) Math.round(n * val);
    int t = (int) Math.round(n * test);
    if (v + t > n) {
      t = n - v;
    }
    return new int[] {n - v - t, v, t};
  }
}
