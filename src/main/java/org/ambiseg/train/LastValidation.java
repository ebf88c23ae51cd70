package org.ambiseg.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the most recent validation of a run, so that the {@code final/} model folder records
 * the selection metrics of its own step next to {@code best/}'s.
 */
final class LastValidation implements TrainingListener {

  private long step = -1;
  private Map<String, Double> metrics = Map.of();

  @Override
  public void onValidation(long step, Map<String, Double> metrics) {
    this.step = step;
    this.metrics = new LinkedHashMap<>(metrics);
  }

  /** The metrics of the validation at {@code step}, or an empty map if there was none. */
  Map<String, Double> at(long step) {
    return step == this.step ? metrics : Map.of();
  }
}
