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

  /**
   * What was not finite, for the message that stops training: "loss became NaN", "term kl became
   * Infinity (loss 12.5)" or "the gradient norm became NaN (loss 12.5)"; empty when all is finite.
   */
  public String problem() {
    if (!Double.isFinite(loss)) {
      return "loss became " + loss;
    }
    for (Map.Entry<String, Double> t : terms.entrySet()) {
      if (!Double.isFinite(t.getValue())) {
        return "term " + t.getKey() + " became " + t.getValue() + " (loss " + loss + ")";
      }
    }
    if (!Double.isFinite(gradientNorm)) {
      return "the gradient norm became " + gradientNorm + " (loss " + loss + ")";
    }
    return "";
  }
}
