package org.ambiseg.train;

/**
 * Objective settings beyond the ELBO's beta: for the HPU-Net GECO or ELBO and the reconstruction
 * variant; for both latent-variable U-Nets the KL warm-up; for the Prob U-Net the prior anchor and
 * the prior-sample GED term. The published setting is GECO with kappa 0.05 per valid pixel on the
 * stochastic top 2 % of pixels, moving-average decay 0.99 and multiplier rate 1e-2.
 *
 * @param geco true for GECO, false for the ELBO with the training config's beta
 * @param kappa GECO's reconstruction threshold per valid pixel
 * @param decay decay of GECO's moving average
 * @param rate GECO's multiplier rate
 * @param topKFraction fraction of pixels in the reconstruction (1 = all pixels)
 * @param freeBits nats of KL per latent scale that cost nothing ("free bits", Kingma et al. 2016:
 *     each scale's batch-mean KL enters the loss as max(KL, freeBits)); 0 = off, the published
 *     objective. A run folder written before this setting existed reads as 0.
 * @param stepsPerScale the coarse-to-fine {@link ScaleCurriculum}: steps between unlocking two
 *     latent scales (0 = off, the published objective; old run folders read as 0)
 * @param klWarmupSteps the {@link KlWarmup}: steps over which the KL weight rises from 0 to 1 (0 =
 *     off, the published objective; old run folders read as 0)
 * @param priorAnchor Prob U-Net: weight of the prior anchor KL(p(z|x) || N(0, I)) added to the loss
 *     (0 = off, the published objective; old run folders read as 0). The ELBO's KL(q || p) does not
 *     change when the prior, the posteriors and the decoder's input weights are rescaled together,
 *     so nothing in it fixes the latent scale; the anchor gives that scale a cost.
 * @param priorGed Prob U-Net: weight of the {@link PriorSampleGed} term (0 = off, the published
 *     objective; old run folders read as 0): the energy distance between samples of the prior and
 *     the step's rater mask, which trains the prior's samples, not only the posterior's, to look
 *     like the raters' masks in the raters' proportions.
 */
public record ObjectiveSettings(
    boolean geco,
    float kappa,
    float decay,
    float rate,
    double topKFraction,
    double freeBits,
    int stepsPerScale,
    int klWarmupSteps,
    double priorAnchor,
    double priorGed) {

  /** The published HPU-Net setting. */
  public static final ObjectiveSettings PUBLISHED =
      new ObjectiveSettings(true, 0.05f, 0.99f, 1e-2f, 0.02);

  /** Validates the ranges. */
  public ObjectiveSettings {
    if (!(kappa > 0)
        || !(decay >= 0 && decay < 1)
        || !(rate > 0)
        || !(topKFraction > 0 && topKFraction <= 1)
        || !(freeBits >= 0)
        || Double.isInfinite(freeBits)
        || stepsPerScale < 0
        || klWarmupSteps < 0
        || !(priorAnchor >= 0)
        || Double.isInfinite(priorAnchor)
        || !(priorGed >= 0)
        || Double.isInfinite(priorGed)) {
      throw new IllegalArgumentException(
          "objective needs kappa > 0, decay in [0, 1), rate > 0, top-k fraction in (0, 1] and"
              + " free bits, steps per scale, KL warm-up steps, prior anchor and prior GED weight >= 0");
    }
  }

  /** Settings without free bits or curriculum. */
  public ObjectiveSettings(
      boolean geco, float kappa, float decay, float rate, double topKFraction) {
    this(geco, kappa, decay, rate, topKFraction, 0, 0, 0, 0, 0);
  }

  /** The latent-scale curriculum these settings describe. */
  public ScaleCurriculum curriculum() {
    return new ScaleCurriculum(stepsPerScale);
  }

  /** The KL warm-up these settings describe. */
  public KlWarmup klWarmup() {
    return new KlWarmup(klWarmupSteps);
  }

  /** The GECO constraint these settings describe, or null for the ELBO. */
  public GecoConstraint newConstraint() {
    return geco ? new GecoConstraint(kappa, decay, rate) : null;
  }
}
