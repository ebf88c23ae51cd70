package org.ambiseg.train;

/**
 * Hyper-parameters and schedule of one training run, stored as JSON in the run folder and in
 * model.json.
 *
 * @param modelType "probunet", "hpunet", "mcdropout", ...
 * @param preset architecture preset name (e.g. probunet-small)
 * @param steps total optimisation steps
 * @param batchSize images per step
 * @param learningRate Adam learning rate before the schedule
 * @param lrDecaySteps the learning rate is multiplied by {@code lrDecayFactor} at each of these
 *     fractions of {@code steps} (e.g. 0.6 and 0.85); empty for a constant rate
 * @param lrDecayFactor multiplier applied at each decay step
 * @param beta KL weight of the ELBO
 * @param weightDecay L2 weight decay added to the gradients
 * @param clipNorm global gradient-norm clip
 * @param seed seed of weights, data order, augmentation and noise
 * @param augment apply flips, 90-degree rotations and small shifts
 * @param maxShift largest shift in pixels when augmenting
 * @param validateEvery steps between validations on the selection set (0 = never)
 * @param checkpointEvery steps between checkpoints (0 = only at the end)
 * @param selectionFraction fraction of patients held out of the training data for selection
 * @param selectionCases at most this many selection cases are scored at each validation
 * @param validationSamples samples per case at validation
 */
public record TrainingConfig(
    String modelType,
    String preset,
    int steps,
    int batchSize,
    float learningRate,
    double[] lrDecaySteps,
    float lrDecayFactor,
    float beta,
    float weightDecay,
    double clipNorm,
    long seed,
    boolean augment,
    int maxShift,
    int validateEvery,
    int checkpointEvery,
    double selectionFraction,
    int selectionCases,
    int validationSamples) {

  /** Checks ranges with messages naming the bad value. */
  public TrainingConfig {
    check(steps > 0, "steps must be > 0, got " + steps);
    check(batchSize > 0, "batch size must be > 0, got " + batchSize);
    check(learningRate > 0 && Float.isFinite(learningRate), "learning rate must be > 0");
    check(lrDecayFactor > 0 && lrDecayFactor <= 1, "lr decay factor must be in (0, 1]");
    lrDecaySteps = lrDecaySteps == null ? new double[0] : lrDecaySteps.clone();
    check(beta >= 0, "beta must be >= 0");
    check(weightDecay >= 0, "weight decay must be >= 0");
    check(clipNorm > 0, "gradient clip must be > 0");
    check(maxShift >= 0, "max shift must be >= 0");
    check(validateEvery >= 0 && checkpointEvery >= 0, "intervals must be >= 0");
    check(selectionFraction >= 0 && selectionFraction < 1, "selection fraction must be in [0, 1)");
    check(validationSamples > 0, "validation samples must be > 0");
  }

  /** Defaults for a Probabilistic U-Net run of {@code steps} steps at batch {@code batch}. */
  public static TrainingConfig probUNetDefaults(String preset, int steps, int batch, long seed) {
    return new TrainingConfig(
        "probunet",
        preset,
        steps,
        batch,
        1e-4f,
        new double[] {0.6, 0.85},
        0.3f,
        1f,
        1e-5f,
        100,
        seed,
        true,
        4,
        Math.max(1, steps / 20),
        Math.max(1, steps / 50),
        0.1,
        200,
        16);
  }

  /** The learning rate at {@code step}. */
  public float learningRateAt(long step) {
    float lr = learningRate;
    for (double fraction : lrDecaySteps) {
      if (step >= (long) (fraction * steps)) {
        lr *= lrDecayFactor;
      }
    }
    return lr;
  }

  @Override
  public double[] lrDecaySteps() {
    return lrDecaySteps.clone();
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
