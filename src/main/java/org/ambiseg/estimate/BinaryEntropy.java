package org.ambiseg.estimate;

/**
 * Entropy of a Bernoulli (two-class) distribution in nats: H(p) = &minus;p ln p &minus; (1 &minus;
 * p) ln(1 &minus; p), with 0 ln 0 = 0, so H(0) = H(1) = 0 and H(0.5) = ln 2.
 *
 * <p>{@link #of} uses {@link Math#log}. {@link #fast} serves {@link UncertaintyMaps}, which needs
 * one entropy per sample and pixel: with x = min(p, 1 &minus; p) (H is symmetric and 1 &minus; p is
 * exact in float for p &ge; 0.5) it reads H from a table of 1024 points per octave of x, from
 * 2<sup>&minus;30</sup> to 1/2, indexed by the float's exponent and top mantissa bits, and
 * interpolates linearly. On the octave [2<sup>e</sup>, 2<sup>e+1</sup>) the step is h =
 * 2<sup>e&minus;10</sup> and |H''| &le; 2<sup>1&minus;e</sup>, so the error h&sup2;|H''|/8 is at
 * most 2<sup>e&minus;22</sup> &le; 2<sup>&minus;24</sup> &asymp; 6e-8 nats. Below
 * 2<sup>&minus;30</sup>, H(x) = x (1 &minus; ln x) + O(x&sup2;) with ln x read off the float bits
 * (error under 0.07), which is off by less than 1e-10.
 */
public final class BinaryEntropy {

  /** The largest binary entropy, H(0.5) = ln 2 nats. */
  public static final double MAX = Math.log(2.0);

  private static final int STEP_BITS = 10;
  private static final int FRACTION_BITS = 23 - STEP_BITS;
  private static final int FRACTION_MASK = (1 << FRACTION_BITS) - 1;
  private static final double FRACTION_SCALE = 1.0 / (1 << FRACTION_BITS);

  /** Table index of 2^-30, the smallest tabulated x (biased exponent 97). */
  private static final int FIRST = 97 << STEP_BITS;

  /** H at every tabulated x, up to one point past 1/2. */
  private static final double[] TABLE = new double[(126 << STEP_BITS) - FIRST + 2];

  static {
    for (int i = 0; i < TABLE.length; i++) {
      TABLE[i] = of(Float.intBitsToFloat((FIRST + i) << FRACTION_BITS));
    }
  }

  private BinaryEntropy() {}

  /** H(p) in nats for p in [0, 1], with {@link Math#log}; 0 at both ends. */
  public static double of(double p) {
    if (p <= 0.0 || p >= 1.0) {
      return 0.0;
    }
    double q = 1.0 - p;
    return -(p * Math.log(p) + q * Math.log(q));
  }

  /**
   * H(p) in nats for p in [0, 1] from the table, within 1e-7 of {@link #of}; exact at 0, 1/2, 1.
   */
  public static double fast(float p) {
    float x = p <= 0.5f ? p : 1f - p;
    if (!(x > 0f)) {
      return 0.0;
    }
    int bits = Float.floatToRawIntBits(x);
    int i = (bits >>> FRACTION_BITS) - FIRST;
    if (i < 0) {
      double ln = (bits * 0x1p-23 - 127) * MAX;
      return x * (1.0 - ln);
    }
    double a = TABLE[i];
    return a + (bits & FRACTION_MASK) * FRACTION_SCALE * (TABLE[i + 1] - a);
  }
}
