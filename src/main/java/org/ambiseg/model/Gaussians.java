package org.ambiseg.model;

import ai.djl.ndarray.NDArray;

/** Closed forms for diagonal Gaussians given by mean and log sigma. */
public final class Gaussians {

  private Gaussians() {}

  /**
   * KL(q || p) per element (same shape as the inputs): log s_p - log s_q + (s_q^2 + (m_q - m_p)^2)
   * / (2 s_p^2) - 1/2. Sum over the latent axes for the KL of the joint.
   */
  public static NDArray kl(NDArray meanQ, NDArray logSigmaQ, NDArray meanP, NDArray logSigmaP) {
    NDArray varQ = logSigmaQ.mul(2).exp();
    NDArray varP = logSigmaP.mul(2).exp();
    NDArray diff = meanQ.sub(meanP);
    return logSigmaP.sub(logSigmaQ).add(varQ.add(diff.square()).div(varP.mul(2))).sub(0.5f);
  }

  /**
   * {@code logSigma} clamped to [min, max] in the forward pass, with the gradient passed through
   * unchanged (straight-through). A plain clamp has zero gradient outside its range, so a log sigma
   * that once crossed a bound would stay there for good, its KL stuck at a constant no matter how
   * strongly the KL is weighted; passing the gradient through lets the KL pull it back. Values
   * inside the range are returned exactly.
   */
  public static NDArray clampLogSigma(NDArray logSigma, float min, float max) {
    return logSigma.add(logSigma.clip(min, max).sub(logSigma).stopGradient());
  }
}
