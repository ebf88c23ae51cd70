package org.ambiseg.model;

import ai.djl.ndarray.NDArray;

/** Closed forms for diagonal Gaussians given by mean and log sigma. */
public final class Gaussians {

  /** The system property that turns on the experimental straight-through clamp. */
  public static final String GRADIENT_PROPERTY = "ambiseg.logSigmaGradient";

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
   * {@code logSigma} clamped to [min, max]. By default a plain clamp (with {@code
   * -Dambiseg.logSigmaGradient=through} the straight-through one below), whose gradient is zero
   * outside the range: a log sigma that once crosses a bound stays there for good (the shipped Prob
   * U-Nets have every prior log sigma at the upper bound), but training stays stable. {@link
   * #clampLogSigma(NDArray, float, float, boolean)} with {@code gradientThrough} lets the KL pull
   * such a value back, but in two of three trial runs the KL then diverged, so it is an experiment,
   * not the default.
   */
  public static NDArray clampLogSigma(NDArray logSigma, float min, float max) {
    return clampLogSigma(
        logSigma, min, max, "through".equals(System.getProperty(GRADIENT_PROPERTY, "clamp")));
  }

  /**
   * {@code logSigma} clamped to [min, max] in the forward pass; with {@code gradientThrough} the
   * gradient passes the clamp unchanged (straight-through), else it is zero outside the range.
   * Values inside the range are returned exactly either way.
   */
  public static NDArray clampLogSigma(
      NDArray logSigma, float min, float max, boolean gradientThrough) {
    if (!gradientThrough) {
      return logSigma.clip(min, max);
    }
    return logSigma.add(logSigma.clip(min, max).sub(logSigma).stopGradient());
  }
}
