package org.ambiseg.io.synth;

import java.util.SplittableRandom;

/** Small image filters for the generator: a 3x3 binomial blur and spatially correlated noise. */
final class Filters {

  /** Standard deviation of white noise after one 3x3 binomial blur: sqrt(sum of w^2) = 0.375. */
  private static final double BLUR_NOISE_GAIN = 0.375;

  private Filters() {}

  /** Blurs with the kernel [1 2 1]^T [1 2 1] / 16, edges clamped. */
  static float[] binomialBlur(float[] in, int size) {
    float[] tmp = new float[in.length];
    float[] out = new float[in.length];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int xl = Math.max(0, x - 1);
        int xr = Math.min(size - 1, x + 1);
        tmp[y * size + x] =
            0.25f * in[y * size + xl] + 0.5f * in[y * size + x] + 0.25f * in[y * size + xr];
      }
    }
    for (int y = 0; y < size; y++) {
      int yu = Math.max(0, y - 1);
      int yd = Math.min(size - 1, y + 1);
      for (int x = 0; x < size; x++) {
        out[y * size + x] =
            0.25f * tmp[yu * size + x] + 0.5f * tmp[y * size + x] + 0.25f * tmp[yd * size + x];
      }
    }
    return out;
  }

  /** Blurred Gaussian white noise rescaled to standard deviation {@code sigma}. */
  static float[] correlatedNoise(int size, double sigma, SplittableRandom rng) {
    float[] white = new float[size * size];
    for (int i = 0; i < white.length; i++) {
      white[i] = (float) Gaussian.next(rng);
    }
    float[] blurred = binomialBlur(white, size);
    float gain = (float) (sigma / BLUR_NOISE_GAIN);
    for (int i = 0; i < blurred.length; i++) {
      blurred[i] *= gain;
    }
    return blurred;
  }
}
