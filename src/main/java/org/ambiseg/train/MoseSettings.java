package org.ambiseg.train;

/**
 * Settings of MoSE's training objective ({@link MoseObjective}), stored in the run's config.json.
 *
 * @param samplesPerExpert M, samples drawn per expert and image at each step (K x M predictions)
 * @param allAnnotations true to match every rater's mask of an image (uniform weights); false for
 *     "one annotation per image": the step's randomly chosen rater alone, with weight 1
 * @param epsilon Sinkhorn regularisation, relative to each cost matrix's range
 * @param iterations Sinkhorn iterations
 * @param gateWeight weight of the gate's cross-entropy towards the plan's expert marginals
 * @param expertSpacing distance between the experts' anchors on the first latent axis: expert k's
 *     Gaussian is regularised towards N(spacing * (k - (K - 1) / 2), I) instead of N(0, I), so the
 *     experts start apart and stay apart (with one shared anchor at 0 the KL makes them identical);
 *     0 gives the shared N(0, I) prior. A run folder written before this setting existed reads as 0
 */
public record MoseSettings(
    int samplesPerExpert,
    boolean allAnnotations,
    double epsilon,
    int iterations,
    float gateWeight,
    double expertSpacing) {

  /**
   * The defaults: 4 samples per expert, all annotations, epsilon 0.05, 100 iterations, gate weight
   * 1, experts 3 apart.
   */
  public static final MoseSettings DEFAULT = new MoseSettings(4, true, 0.05, 100, 1f, 3.0);

  /** Validates the ranges. */
  public MoseSettings {
    if (samplesPerExpert < 1
        || !(epsilon > 0)
        || iterations < 1
        || !(gateWeight >= 0)
        || Float.isInfinite(gateWeight)
        || !(expertSpacing >= 0)
        || Double.isInfinite(expertSpacing)) {
      throw new IllegalArgumentException(
          "MoSE needs samples per expert >= 1, epsilon > 0, iterations >= 1, gate weight >= 0,"
              + " expert spacing >= 0");
    }
  }

  /** The same settings with one annotation per image or all of them. */
  public MoseSettings withAllAnnotations(boolean all) {
    return new MoseSettings(samplesPerExpert, all, epsilon, iterations, gateWeight, expertSpacing);
  }

  /**
   * The anchor means of {@code experts} experts with {@code latentDim} dimensions each,
   * expert-major (K x L): spacing * (k - (K - 1) / 2) on the first axis, 0 on the others.
   */
  public float[] anchors(int experts, int latentDim) {
    float[] out = new float[experts * latentDim];
    for (int k = 0; k < experts; k++) {
      // + 0.0 turns the -0.0 of a zero spacing into 0
      out[k * latentDim] = (float) (expertSpacing * (k - (experts - 1) / 2.0) + 0.0);
    }
    return out;
  }

  /** The Sinkhorn solver these settings describe. */
  SinkhornTransport transport() {
    return new SinkhornTransport(epsilon, iterations);
  }
}
