package org.ambiseg.train;

import ai.djl.ndarray.NDArray;

/**
 * GECO (Rezende and Viola 2018, "Taming VAEs"), as used for the HPU-Net: minimise the KL subject to
 * a reconstruction constraint C = R - kappa * P <= 0, where R is the reconstruction error summed
 * over the selected pixels (mean over the batch) and P the number of selected pixels per image, so
 * kappa bounds their mean cross-entropy (DeepMind: kappa times the valid pixels of the top-k mask):
 *
 * <pre>
 *   C_ma   = decay * C_ma + (1 - decay) * C          (first step: C_ma = C)
 *   C_st   = C + stopgrad(C_ma - C)                   (straight-through: value C_ma, gradient of C)
 *   loss   = lambda * C_st + KL
 *   lambda = clamp(lambda * exp(rate * C_ma / P), 1e-6, 1e6)   after each step
 * </pre>
 *
 * lambda starts at 1, rises while the constraint is violated (C_ma > 0) and falls once it is met,
 * and stays positive. The update is the multiplicative form of the paper's Algorithm 1 on the
 * constraint in the units kappa is given in (mean cross-entropy per selected pixel, C_ma / P), so
 * one rate suits any image size (DeepMind's code instead lets Adam ascend on lambda; the fixed
 * points are the same). An earlier version divided by the threshold kappa * P instead, 1 / kappa =
 * 20 times faster at kappa 0.05: on LIDC lambda then grew 7 % per step, passed 3,000 by step 106
 * and drove the prior's sigma down until a gradient reached 1e20. Its state (C_ma, lambda) is part
 * of the checkpoint.
 */
public final class GecoConstraint {

  private final float kappa;
  private final float decay;
  private final float rate;
  private double movingAverage;
  private double multiplier = 1;
  private boolean started;

  /** A constraint of {@code kappa} per valid pixel, with the given decay and multiplier rate. */
  public GecoConstraint(float kappa, float decay, float rate) {
    if (!(kappa > 0) || !(decay >= 0 && decay < 1) || !(rate > 0)) {
      throw new IllegalArgumentException("GECO needs kappa > 0, decay in [0, 1) and rate > 0");
    }
    this.kappa = kappa;
    this.decay = decay;
    this.rate = rate;
  }

  /** The published setting: kappa 0.05, decay 0.99, rate 1e-2. */
  public static GecoConstraint published() {
    return new GecoConstraint(0.05f, 0.99f, 1e-2f);
  }

  /**
   * The loss lambda * C_st + kl for this step, and the moving average updated with this step's
   * constraint. Call {@link #updateMultiplier} after the optimizer step.
   *
   * @param reconstruction R (scalar, with gradient)
   * @param kl the summed KL (scalar, with gradient)
   * @param validPixels P, valid pixels per image
   */
  public NDArray loss(NDArray reconstruction, NDArray kl, double validPixels) {
    double threshold = kappa * validPixels;
    NDArray constraint = reconstruction.sub((float) threshold);
    double value = constraint.getFloat();
    movingAverage = started ? decay * movingAverage + (1 - decay) * value : value;
    started = true;
    // straight-through: the value of the moving average, the gradient of the current constraint
    NDArray straightThrough = constraint.add((float) (movingAverage - value));
    return straightThrough.mul((float) multiplier).add(kl);
  }

  /** Updates lambda from the current moving average (after the step's update). */
  public void updateMultiplier(double validPixels) {
    multiplier =
        Math.min(1e6, Math.max(1e-6, multiplier * Math.exp(rate * movingAverage / validPixels)));
  }

  /** The Lagrange multiplier lambda. */
  public double multiplier() {
    return multiplier;
  }

  /** The moving average of the constraint C_ma. */
  public double movingAverage() {
    return movingAverage;
  }

  /** True once a step has been seen. */
  public boolean started() {
    return started;
  }

  /** Restores checkpointed state. */
  public void restore(double movingAverage, double multiplier, boolean started) {
    this.movingAverage = movingAverage;
    this.multiplier = multiplier;
    this.started = started;
  }
}
