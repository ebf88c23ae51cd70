package org.ambiseg.estimate;

import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.model.HpuNetSampler;

/**
 * How much of an image each latent scale of an HPU-Net decides: N samples with one scale drawn from
 * the prior and every other scale fixed to its prior mean (the paper's figure of samples that vary
 * one level only), and the fraction of pixels whose hard mask is not the same in all N samples. A
 * hierarchy that does what it claims changes many pixels from the coarse scale (is a lesion there,
 * how large) and fewer from the fine one (where its boundary runs).
 */
public final class ScaleVariation {

  private ScaleVariation() {}

  /** Settings that draw only {@code scale} (at temperature 1) and fix every other to the mean. */
  public static HpuNetSampler.ScaleSettings onlyScale(int scales, int scale) {
    if (scale < 0 || scale >= scales) {
      throw new IllegalArgumentException("scale " + scale + " of " + scales);
    }
    double[] temperatures = new double[scales];
    boolean[] fixedToMean = new boolean[scales];
    for (int s = 0; s < scales; s++) {
      temperatures[s] = 1;
      fixedToMean[s] = s != scale;
    }
    return new HpuNetSampler.ScaleSettings(temperatures, fixedToMean);
  }

  /**
   * For each scale (coarse to fine), the fraction of pixels that change across {@code n} samples of
   * {@code image} when only that scale varies; the same seed for every scale.
   */
  public static double[] changedFractionPerScale(
      HpuNetEstimator estimator, Image2D image, int n, long seed) {
    int scales = estimator.capabilities().latentScales();
    double[] out = new double[scales];
    for (int s = 0; s < scales; s++) {
      out[s] = changedFraction(estimator.sample(image, n, seed, onlyScale(scales, s)));
    }
    return out;
  }

  /** The fraction of pixels whose hard mask differs between at least two samples of the set. */
  public static double changedFraction(SampleSet set) {
    int pixels = set.width() * set.height();
    if (set.size() < 2) {
      return 0;
    }
    boolean[] first = set.foreground(0);
    boolean[] changed = new boolean[pixels];
    for (int k = 1; k < set.size(); k++) {
      boolean[] fg = set.foreground(k);
      for (int p = 0; p < pixels; p++) {
        changed[p] |= fg[p] != first[p];
      }
    }
    int count = 0;
    for (boolean c : changed) {
      count += c ? 1 : 0;
    }
    return count / (double) pixels;
  }
}
