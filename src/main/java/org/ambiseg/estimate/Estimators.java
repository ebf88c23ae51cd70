package org.ambiseg.estimate;

import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;

/** Opens the estimator a model folder describes, dispatching on model.json's model type. */
public final class Estimators {

  /** Model types this build can open. */
  public static final List<String> MODEL_TYPES = List.of("probunet", "hpunet");

  private Estimators() {}

  /** Opens {@code modelDir} as its model type's default estimator. */
  public static Estimator open(Path modelDir) throws BadInputException {
    ModelInfo info = ModelStore.readInfo(modelDir);
    return switch (info.modelType()) {
      case "probunet" -> ProbUNetEstimator.open(modelDir);
      case "hpunet" -> HpuNetEstimator.open(modelDir);
      default ->
          throw new BadInputException(
              info.source(),
              "model type '"
                  + info.modelType()
                  + "' is not supported (known: "
                  + MODEL_TYPES
                  + ")");
    };
  }
}
