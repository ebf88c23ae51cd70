package org.ambiseg.train;

import java.util.Map;

/**
 * What one optimisation step reports: the total loss and its named terms (e.g. reconstruction, kl,
 * per-scale KL, GECO multiplier) and the gradient norm before clipping.
 */
public record StepResult(double loss, Map<String, Double> terms, double gradientNorm) {

  /** True when the loss and every term are finite numbers. */
  public boolean isFinite() {
    if (!Double.isFinite(loss) || !Double.isFinite(gradientNorm)) {
      return false;
    }
    return terms.values().stream().allMatch(Double::isFinite);
  }
}
