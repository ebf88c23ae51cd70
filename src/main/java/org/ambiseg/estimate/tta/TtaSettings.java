package org.ambiseg.estimate.tta;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which augmentations test-time augmentation draws, and how strongly. Per sample: each flip with
 * probability 1/2 (when {@code flips}), 0..3 quarter turns uniformly (when {@code rotations}),
 * shifts uniform in [-maxShift, maxShift] on each axis, gain and offset uniform in [1 - j, 1 + j]
 * and [-j, j] with j = {@code intensityJitter}, and gamma = exp(u), u uniform in [-g, g] with g =
 * {@code gammaJitter}.
 *
 * @param flips draw horizontal and vertical flips
 * @param rotations draw 90-degree rotations
 * @param maxShift largest integer shift in pixels (0 for none)
 * @param intensityJitter amplitude of gain and offset changes (0 for none)
 * @param gammaJitter amplitude of the log-gamma change (0 for none)
 */
public record TtaSettings(
    boolean flips, boolean rotations, int maxShift, float intensityJitter, float gammaJitter) {

  /** Flips, rotations, shifts up to 4 pixels, gain/offset +-0.05 and gamma in [e^-0.1, e^0.1]. */
  public static final TtaSettings DEFAULT = new TtaSettings(true, true, 4, 0.05f, 0.1f);

  /** Checks the ranges. */
  public TtaSettings {
    if (maxShift < 0 || !(intensityJitter >= 0 && intensityJitter < 1) || !(gammaJitter >= 0)) {
      throw new IllegalArgumentException(
          "needs maxShift >= 0, intensityJitter in [0, 1) and gammaJitter >= 0");
    }
  }

  /**
   * The transforms of {@code n} samples, reproducible for {@code seed}. The first is always the
   * identity (the model's own prediction), so every pixel has at least one sample that saw it; the
   * others are drawn independently as described above.
   */
  public List<TtaTransform> draw(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<TtaTransform> out = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      if (s == 0) {
        out.add(TtaTransform.IDENTITY);
        continue;
      }
      boolean flipX = flips && random.nextBoolean();
      boolean flipY = flips && random.nextBoolean();
      int turns = rotations ? random.nextInt(4) : 0;
      int dx = maxShift > 0 ? random.nextInt(-maxShift, maxShift + 1) : 0;
      int dy = maxShift > 0 ? random.nextInt(-maxShift, maxShift + 1) : 0;
      float gain = 1f + (float) ((random.nextDouble() * 2 - 1) * intensityJitter);
      float offset = (float) ((random.nextDouble() * 2 - 1) * intensityJitter);
      float gamma = (float) Math.exp((random.nextDouble() * 2 - 1) * gammaJitter);
      out.add(
          new TtaTransform(
              new GeometricTransform(flipX, flipY, turns, dx, dy),
              new IntensityJitter(gain, offset, gamma)));
    }
    return out;
  }
}
