package org.ambiseg.app.training;

import java.util.List;
import java.util.Optional;

/**
 * Which dashboard chart shows which logged value: the loss terms, the KL (total and per scale), the
 * GECO Lagrange multiplier, the learning rate, and the validation GED and HM-IoU. Values not named
 * here (gradient norm, GECO moving average) are logged to metrics.jsonl but not charted.
 */
final class ChartGroups {

  /** Chart of the total loss and its data term. */
  static final String LOSS = "Loss";

  /** Chart of the KL divergence (and its per-scale terms for HPU-Net). */
  static final String KL = "KL";

  /** Chart of GECO's Lagrange multiplier. */
  static final String GECO = "GECO \u03bb";

  /** Chart of the learning rate. */
  static final String LEARNING_RATE = "Learning rate";

  /** Chart of the selection-set metrics at each validation. */
  static final String VALIDATION = "Validation";

  /** All charts, in display order. */
  static final List<String> ALL = List.of(LOSS, KL, GECO, LEARNING_RATE, VALIDATION);

  private ChartGroups() {}

  /** The chart of the value named {@code name} in a step or validation record, if charted. */
  static Optional<String> chartOf(String name) {
    return switch (name) {
      case "loss", "reconstruction", "crossEntropy" -> Optional.of(LOSS);
      case "geco_lambda" -> Optional.of(GECO);
      case "lr" -> Optional.of(LEARNING_RATE);
      case "ged", "hm_iou" -> Optional.of(VALIDATION);
      default -> name.matches("kl\\d*") ? Optional.of(KL) : Optional.empty();
    };
  }
}
