package org.ambiseg.metrics;

import java.util.List;

/**
 * Pooled expected calibration error (ECE, in percent) of mean foreground probabilities against the
 * raters' vote fractions, accumulated case by case so that a whole dataset can be streamed (the
 * pixel-level, all-pixels-pooled form reported by MoSE, Gao et al. 2023).
 *
 * <p>Every pixel k of every case goes into one of B = 10 equal-width bins of its mean foreground
 * probability p_k ([0, 0.1), [0.1, 0.2), ..., [0.9, 1.0], with 1.0 in the last bin; edges are the
 * floats nearest k/10); its target is the fraction of raters marking it, f_k = (number of raters
 * with foreground at k) / M. Then
 *
 * <pre>
 * ECE = 100 &Sigma;_b (n_b / n) | mean_{k in b} p_k &minus; mean_{k in b} f_k |
 * </pre>
 *
 * with n_b the pixels in bin b and n all pixels added. Not thread-safe.
 */
public final class EceAccumulator {

  /** Number of equal-width probability bins. */
  public static final int BINS = 10;

  private final long[] count = new long[BINS];
  private final double[] sumProbability = new double[BINS];
  private final double[] sumFraction = new double[BINS];

  /** Adds one case: its mean foreground probability map and its rater masks (at least one). */
  public void add(float[] meanProbability, List<boolean[]> raters) {
    if (raters.isEmpty()) {
      throw new IllegalArgumentException("ECE needs at least one rater mask");
    }
    for (boolean[] r : raters) {
      if (r.length != meanProbability.length) {
        throw new IllegalArgumentException(
            "rater mask has " + r.length + " pixels, probability map " + meanProbability.length);
      }
    }
    int m = raters.size();
    for (int k = 0; k < meanProbability.length; k++) {
      float p = meanProbability[k];
      if (!(p >= 0f && p <= 1f)) {
        throw new IllegalArgumentException("probability " + p + " at pixel " + k);
      }
      int votes = 0;
      for (boolean[] r : raters) {
        if (r[k]) {
          votes++;
        }
      }
      int b = bin(p);
      count[b]++;
      sumProbability[b] += p;
      sumFraction[b] += (double) votes / m;
    }
  }

  /** Pooled ECE in percent (0 to 100); 0 when nothing was added. */
  public double ecePercent() {
    long total = pixelCount();
    if (total == 0) {
      return 0.0;
    }
    double ece = 0;
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        double gap = Math.abs(sumProbability[b] - sumFraction[b]) / count[b];
        ece += ((double) count[b] / total) * gap;
      }
    }
    return 100.0 * ece;
  }

  /** Number of pixels added so far. */
  public long pixelCount() {
    long total = 0;
    for (long c : count) {
      total += c;
    }
    return total;
  }

  /** Sum of the mean probabilities of the pixels in bin {@code b}. */
  public double binProbabilitySum(int b) {
    return sumProbability[b];
  }

  /** Sum of the rater fractions of the pixels in bin {@code b}. */
  public double binFractionSum(int b) {
    return sumFraction[b];
  }

  /**
   * An accumulator holding the given bins (as read back from {@link #binCount}, {@link
   * #binProbabilitySum} and {@link #binFractionSum}), e.g. one case's bins stored on disk.
   */
  public static EceAccumulator ofBins(
      long[] counts, double[] probabilitySums, double[] fractionSums) {
    if (counts.length != BINS || probabilitySums.length != BINS || fractionSums.length != BINS) {
      throw new IllegalArgumentException("ECE needs " + BINS + " bins");
    }
    EceAccumulator a = new EceAccumulator();
    System.arraycopy(counts, 0, a.count, 0, BINS);
    System.arraycopy(probabilitySums, 0, a.sumProbability, 0, BINS);
    System.arraycopy(fractionSums, 0, a.sumFraction, 0, BINS);
    return a;
  }

  /** Adds the bins of another accumulator (pooling its pixels with these). */
  public void addAll(EceAccumulator other) {
    for (int b = 0; b < BINS; b++) {
      count[b] += other.count[b];
      sumProbability[b] += other.sumProbability[b];
      sumFraction[b] += other.sumFraction[b];
    }
  }

  /** Number of pixels in bin {@code b}. */
  public long binCount(int b) {
    return count[b];
  }

  /**
   * The bin of a probability: the b with edge(b) &le; p &lt; edge(b + 1), and 9 for p = 1, where
   * edge(b) is the float nearest b/10, so that a map value written as {@code 0.3f} falls in [0.3,
   * 0.4) as intended.
   */
  static int bin(float p) {
    int b = (int) (p * BINS);
    // p * 10 may round across an edge; compare with the edges themselves.
    if (b > 0 && p < (float) b / BINS) {
      b--;
    } else if (b < BINS - 1 && p >= (float) (b + 1) / BINS) {
      b++;
    }
    return Math.min(Math.max(b, 0), BINS - 1);
  }
}
