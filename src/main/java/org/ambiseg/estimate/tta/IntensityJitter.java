package org.ambiseg.estimate.tta;

/**
 * A test-time intensity change of an image in [0, 1]: gamma, then gain and offset, clipped back to
 * [0, 1]:
 *
 * <pre>
 *   v' = min(1, max(0, gain * v^gamma + offset))
 * </pre>
 *
 * @param gain contrast factor (1 = unchanged)
 * @param offset brightness offset (0 = unchanged)
 * @param gamma gamma exponent (1 = unchanged), > 0
 */
public record IntensityJitter(float gain, float offset, float gamma) {

  /** Leaves every value as it is. */
  public static final IntensityJitter IDENTITY = new IntensityJitter(1f, 0f, 1f);

  /** Checks that gamma and gain are positive. */
  public IntensityJitter {
    if (!(gamma > 0) || !(gain > 0) || !Float.isFinite(offset)) {
      throw new IllegalArgumentException("needs gamma > 0, gain > 0 and a finite offset");
    }
  }

  /** True when the jitter changes nothing. */
  public boolean isIdentity() {
    return equals(IDENTITY);
  }

  /** Applies the jitter to every value, in place. */
  public void applyInPlace(float[] values) {
    if (isIdentity()) {
      return;
    }
    for (int i = 0; i < values.length; i++) {
      double v = gain * Math.pow(values[i], gamma) + offset;
      values[i] = (float) Math.min(1, Math.max(0, v));
    }
  }
}
