package org.ambiseg.train;

/**
 * A coarse-to-fine curriculum for the HPU-Net's latent scales: training starts with only the
 * coarsest scale in the decoder and unlocks one finer scale every {@code stepsPerScale} steps, so
 * that what the coarse scales can express (is a lesion there, how large) is learnt there before the
 * fine scales exist. Without it the published objective lets the finest scale, closest to the
 * output, carry everything and leaves the coarse scales unused. Depends only on the step number, so
 * a resumed run follows the same schedule.
 *
 * @param stepsPerScale steps between two unlocks; 0 = every scale active from the start
 */
public record ScaleCurriculum(int stepsPerScale) {

  /** No curriculum: every scale from the start. */
  public static final ScaleCurriculum OFF = new ScaleCurriculum(0);

  /** Validates the step count. */
  public ScaleCurriculum {
    if (stepsPerScale < 0) {
      throw new IllegalArgumentException(
          "steps per latent scale must be >= 0, got " + stepsPerScale);
    }
  }

  /** How many of {@code scales} scales (coarsest first) are active at 0-based {@code step}. */
  public int activeScales(long step, int scales) {
    if (stepsPerScale == 0) {
      return scales;
    }
    return (int) Math.min(scales, 1 + step / stepsPerScale);
  }

  /** The first step at which every one of {@code scales} scales is active. */
  public long allActiveFrom(int scales) {
    return (long) stepsPerScale * (scales - 1);
  }

  /**
   * The first step count after which every scale has been in the decoder for at least one step (0
   * without a curriculum): weights saved earlier have finer scales the decoder has never seen
   * drawn, so they are not a complete HPU-Net and are never kept as the best model.
   */
  public long firstCompleteStep(int scales) {
    return stepsPerScale == 0 ? 0 : allActiveFrom(scales) + 1;
  }
}
