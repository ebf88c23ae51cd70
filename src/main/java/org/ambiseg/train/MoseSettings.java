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
 */
public record MoseSettings(
    int samplesPerExpert,
    boolean allAnnotations,
    double epsilon,
    int iterations,
    float gateWeight) {

  /** The defaults: 4 samples per expert, all annotations, epsilon 0.05, 100 iterations, 1. */
  public static final MoseSettings DEFAULT = new MoseSettings(4, true, 0.05, 100, 1f);

  /** Validates the ranges. */
  public MoseSettings {
    if (samplesPerExpert < 1
        || !(epsilon > 0)
        || iterations < 1
        || !(gateWeight >= 0)
        || Float.isInfinite(gateWeight)) {
      throw new IllegalArgumentException(
          "MoSE needs samples per expert >= 1, epsilon > 0, iterations >= 1, gate weight >= 0");
    }
  }

  /** The same settings with one annotation per image or all of them. */
  public MoseSettings withAllAnnotations(boolean all) {
    return new MoseSettings(samplesPerExpert, all, epsilon, iterations, gateWeight);
  }

  /** The Sinkhorn solver these settings describe. */
  SinkhornTransport transport() {
    return new SinkhornTransport(epsilon, iterations);
  }
}
