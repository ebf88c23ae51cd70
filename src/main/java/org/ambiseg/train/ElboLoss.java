package org.ambiseg.train;

import ai.djl.ndarray.NDArray;
import org.ambiseg.model.Gaussians;

/**
 * The Probabilistic U-Net's negative evidence lower bound (Kohl et al. 2018, eq. 4):
 *
 * <pre>
 *   loss = CE + beta * KL
 *   CE   = (1/B) sum_b sum_pixels -log softmax(logits_b)[y_b]          (summed over pixels!)
 *   KL   = (1/B) sum_b sum_l [ log s_p - log s_q + (s_q^2 + (m_q - m_p)^2) / (2 s_p^2) - 1/2 ]
 * </pre>
 *
 * with q = N(m_q, s_q^2) the posterior and p = N(m_p, s_p^2) the prior, per latent dimension l. The
 * cross-entropy is summed over pixels and averaged over the batch, as in the PyTorch reference:
 * averaging over pixels instead lets the KL dominate and collapses the posterior (MODEL_NOTES.md).
 *
 * <p>Optionally a prior anchor is added, {@code anchor * (1/B) sum_b sum_l KL(p_l || N(0, 1))} (0
 * by default, the published objective). KL(q || p) is unchanged when the latents of prior and
 * posterior are rescaled together and the decoder's weights on z inversely, so the ELBO leaves the
 * latent scale free (weight decay likely lets it grow until the log-sigma clamp saturates). The
 * anchor makes that scale cost something; one trial run with it collapsed (README, Training).
 */
public final class ElboLoss {

  private final float beta;
  private final float priorAnchor;

  /** An ELBO with KL weight {@code beta} (1 in the paper) and no prior anchor. */
  public ElboLoss(float beta) {
    this(beta, 0f);
  }

  /** An ELBO with KL weight {@code beta} and prior-anchor weight {@code priorAnchor}. */
  public ElboLoss(float beta, float priorAnchor) {
    if (!(beta >= 0) || Float.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
    }
    if (!(priorAnchor >= 0) || Float.isInfinite(priorAnchor)) {
      throw new IllegalArgumentException(
          "prior anchor must be finite and >= 0, got " + priorAnchor);
    }
    this.beta = beta;
    this.priorAnchor = priorAnchor;
  }

  /**
   * The loss and its terms, each a scalar NDArray; {@code anchor} is the batch mean of KL(p || N(0,
   * I)), null when the anchor is off.
   */
  public record Terms(NDArray total, NDArray reconstruction, NDArray kl, NDArray anchor) {}

  /**
   * Computes the loss from logits (B,K,H,W), the one-hot target (B,K,H,W) and the posterior and
   * prior statistics (each B,L), with the KL term weighted by {@code klWeight} &times; beta, where
   * {@code klWeight} in [0, 1] is a {@link KlWarmup}'s weight of the current step (1 without one).
   */
  public Terms compute(
      NDArray logits,
      NDArray oneHot,
      NDArray posteriorMean,
      NDArray posteriorLogSigma,
      NDArray priorMean,
      NDArray priorLogSigma,
      float klWeight) {
    KlWarmup.checkWeight(klWeight);
    long batch = logits.getShape().get(0);
    NDArray ce = logits.logSoftmax(1).mul(oneHot).sum().neg().div(batch);
    NDArray kl =
        klDiagonalGaussians(posteriorMean, posteriorLogSigma, priorMean, priorLogSigma)
            .sum()
            .div(batch);
    NDArray total = ce.add(kl.mul(beta * klWeight));
    if (priorAnchor == 0f) {
      return new Terms(total, ce, kl, null);
    }
    NDArray anchor =
        Gaussians.kl(priorMean, priorLogSigma, priorMean.zerosLike(), priorLogSigma.zerosLike())
            .sum()
            .div(batch);
    return new Terms(total.add(anchor.mul(priorAnchor)), ce, kl, anchor);
  }

  /** Analytic KL(q || p) of diagonal Gaussians per element; see {@link Gaussians#kl}. */
  public static NDArray klDiagonalGaussians(
      NDArray meanQ, NDArray logSigmaQ, NDArray meanP, NDArray logSigmaP) {
    return Gaussians.kl(meanQ, logSigmaQ, meanP, logSigmaP);
  }
}
