package org.ambiseg.train;

import java.util.Map;

/** Scores a model during training (on the selection set); returns named metrics, e.g. "ged". */
@FunctionalInterface
public interface Validator {

  /** Metrics of {@code model} at {@code step}; must not change the model. */
  Map<String, Double> validate(TrainableModel model, long step);
}
