package org.ambiseg.app.compare;

import org.ambiseg.core.BadInputException;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;

/**
 * How the compare view turns an {@link EstimatorChoice} into an estimator: {@link Estimators#open}
 * in the app, a stand-in in tests.
 */
@FunctionalInterface
public interface ColumnOpener {

  /** The real opener: the model folder opened as the chosen kind. */
  ColumnOpener DEFAULT = choice -> Estimators.open(choice.model().dir(), choice.kind());

  /** Opens {@code choice}; called on the model thread. */
  Estimator open(EstimatorChoice choice) throws BadInputException;
}
