package org.ambiseg.train;

/**
 * A linear KL warm-up (Bowman et al. 2016): the KL term's weight rises from 0 at the first step to
 * 1 at step {@code steps} and stays there, so the posterior can put information into a latent
 * before the KL pulls it onto the prior, the usual cure for a latent the decoder learns to ignore.
 * Depends only on the step number, so a resumed run follows the same schedule.
 *
 * @param steps steps until the full weight; 0 = full weight from the start
 */
public record KlWarmup(int steps) {

  /** No warm-up. */
  public static final KlWarmup OFF = new KlWarmup(0);

  /** Validates the step count. */
  public KlWarmup {
    if (steps < 0) {
      throw new IllegalArgumentException("KL warm-up steps must be >= 0, got " + steps);
    }
  }

  /** The KL weight (0..1, multiplied into beta or GECO's KL term) at 0-based {@code step}. */
  public float weight(long step) {
    return steps == 0 ? 1f : (float) Math.min(1.0, step / (double) steps);
  }

  /**
   * {@code klWeight} when it is a valid KL weight (in [0, 1]), else an {@link
   * IllegalArgumentException} naming it.
   */
  public static float checkWeight(float klWeight) {
    if (!(klWeight >= 0 && klWeight <= 1)) {
      throw new IllegalArgumentException("KL weight " + klWeight + " outside [0, 1]");
    }
    return klWeight;
  }
}
