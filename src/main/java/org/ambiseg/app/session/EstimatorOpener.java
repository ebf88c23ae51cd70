package org.ambiseg.app.session;

import org.ambiseg.core.BadInputException;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;

/**
 * How {@link CaseSession} turns a model folder into an estimator: {@link Estimators#open} in the
 * app, a small stand-in in tests of the session's threading.
 */
@FunctionalInterface
public interface EstimatorOpener {

  /** The real opener: the model type's own estimator. */
  EstimatorOpener DEFAULT = model -> Estimators.open(model.dir());

  /** Opens {@code model}; called on the model thread. */
  Estimator open(ModelEntry model) throws BadInputException;
}
