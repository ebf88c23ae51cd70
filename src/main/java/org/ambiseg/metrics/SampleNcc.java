package org.ambiseg.metrics;

import java.util.List;
import java.util.OptionalDouble;

/**
 * S-NCC, the sample&ndash;rater error correlation of PHiSeg (Baumgartner et al. 2019, {@code
 * utils.variance_ncc_dist}): does the model's uncertainty sit where the raters disagree?
 *
 * <p>With sample foreground probabilities s_1..s_N, their mean p&#772; and rater masks y_1..y_M:
 *
 * <pre>
 * CE(t, s)   = &minus;[ t log(s + &epsilon;) + (1 &minus; t) log(1 &minus; s + &epsilon;) ]   (per pixel)
 * E_ss       = 1/N &Sigma;_i CE(p&#772;, s_i)          E_sy_j = 1/N &Sigma;_i CE(y_j, s_i)
 * S-NCC      = 1/M &Sigma;_j NCC(E_ss, E_sy_j),    NCC = Pearson correlation over the pixels
 * </pre>
 *
 * <p>Conventions taken from PHiSeg's code: the target of the cross-entropy is p&#772; (or the rater
 * mask) and the prediction is the sample; the two-class softmax sum is written here for the binary
 * case; &epsilon; = 1e&minus;8 is <em>added</em> inside the logarithm (PHiSeg's {@code
 * pixel_wise_xent}), not used as a clamp; PHiSeg feeds the samples' softmax probabilities, so
 * {@link #compute} takes probability maps (hard masks are the special case 0/1).
 *
 * <p>Where PHiSeg would produce NaN, namely when E_ss or some E_sy_j is constant over the image
 * (e.g. all samples identical), S-NCC is undefined for the case and {@link OptionalDouble#empty()}
 * is returned; aggregators count such cases and leave them out of the mean.
 */
public final class SampleNcc {

  /** The constant PHiSeg adds to a probability before taking its logarithm. */
  public static final double EPSILON = 1e-8;

  private static final double CE_OF_ONE = -Math.log(1.0 + EPSILON);
  private static final double CE_OF_ZERO = -Math.log(EPSILON);

  private SampleNcc() {}

  /** S-NCC of sample probability maps against rater masks, or empty when undefined. */
  public static OptionalDouble compute(List<float[]> sampleProbabilities, List<boolean[]> raters) {
    GeneralisedEnergyDistance.requireNonEmpty(sampleProbabilities, raters);
    int pixels = sampleProbabilities.get(0).length;
    for (float[] s : sampleProbabilities) {
      requireLength(s.length, pixels);
    }
    for (boolean[] y : raters) {
      requireLength(y.length, pixels);
    }
    // Because a rater's target is 0 or 1, E_sy_j is A1 where y_j is foreground and A0 elsewhere,
    // and E_ss = p A1 + (1 - p) A0, with A1 = mean_i -log(s_i + eps), A0 = mean_i -log(1 - s_i +
    // eps): two logarithms per sample and pixel instead of M + 1.
    int n = sampleProbabilities.size();
    double[] meanProb = new double[pixels];
    double[] a1 = new double[pixels];
    double[] a0 = new double[pixels];
    for (float[] s : sampleProbabilities) {
      for (int k = 0; k < pixels; k++) {
        double p = s[k];
        meanProb[k] += p;
        a1[k] += crossEntropyTerm(p);
        a0[k] += crossEntropyTerm(1.0 - p);
      }
    }
    double[] ess = new double[pixels];
    for (int k = 0; k < pixels; k++) {
      meanProb[k] /= n;
      a1[k] /= n;
      a0[k] /= n;
      ess[k] = meanProb[k] * a1[k] + (1.0 - meanProb[k]) * a0[k];
    }
    double[] esy = new double[pixels];
    double sum = 0;
    for (boolean[] y : raters) {
      for (int k = 0; k < pixels; k++) {
        esy[k] = y[k] ? a1[k] : a0[k];
      }
      OptionalDouble ncc = pearson(ess, esy);
      if (ncc.isEmpty()) {
        return OptionalDouble.empty();
      }
      sum += ncc.getAsDouble();
    }
    return OptionalDouble.of(sum / raters.size());
  }

  /**
   * Pearson correlation of two equally long maps, or empty when either is constant (zero variance,
   * up to rounding relative to its magnitude).
   */
  public static OptionalDouble pearson(double[] a, double[] b) {
    requireLength(b.length, a.length);
    int n = a.length;
    double meanA = 0;
    double meanB = 0;
    for (int k = 0; k < n; k++) {
      meanA += a[k];
      meanB += b[k];
    }
    meanA /= n;
    meanB /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    double maxA = 0;
    double maxB = 0;
    for (int k = 0; k < n; k++) {
      double da = a[k] - meanA;
      double db = b[k] - meanB;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
      maxA = Math.max(maxA, Math.abs(a[k]));
      maxB = Math.max(maxB, Math.abs(b[k]));
    }
    if (isConstant(saa, n, maxA) || isConstant(sbb, n, maxB)) {
      return OptionalDouble.empty();
    }
    double r = sab / Math.sqrt(saa * sbb);
    return OptionalDouble.of(Math.max(-1.0, Math.min(1.0, r)));
  }

  /** A map is constant when its standard deviation is below 1e-12 of its largest magnitude. */
  private static boolean isConstant(double sumSquares, int n, double maxAbs) {
    double std = Math.sqrt(sumSquares / n);
    return !(std > 1e-12 * Math.max(maxAbs, Double.MIN_NORMAL));
  }

  /** &minus;log(q + &epsilon;), exact constants for q = 0 and q = 1 (hard masks). */
  private static double crossEntropyTerm(double q) {
    if (q == 1.0) {
      return CE_OF_ONE;
    }
    if (q == 0.0) {
      return CE_OF_ZERO;
    }
    return -Math.log(q + EPSILON);
  }

  private static void requireLength(int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(
          "maps of different sizes: " + length + " and " + expected + " pixels");
    }
  }
}
