package org.ambiseg.estimate;

import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.estimate.tta.TtaSettings;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;

/**
 * Opens the estimator a model folder describes, dispatching on model.json's model type; optionally
 * wraps a deterministic model in test-time augmentation instead.
 */
public final class Estimators {

  /** Model types this build can open. */
  public static final List<String> MODEL_TYPES =
      List.of("probunet", "hpunet", "mose", "mcdropout", "unet");

  /** Estimator kinds for {@link #open(Path, String)}. */
  public static final List<String> KINDS = List.of("default", "tta");

  private Estimators() {}

  /** Opens {@code modelDir} as its model type's default estimator. */
  public static Estimator open(Path modelDir) throws BadInputException {
    return open(modelDir, "default");
  }

  /**
   * Opens {@code modelDir} as the estimator {@code kind}: "default" (the model type's own) or "tta"
   * (test-time augmentation around a unet or mcdropout model, dropout off).
   */
  public static Estimator open(Path modelDir, String kind) throws BadInputException {
    ModelInfo info = ModelStore.readInfo(modelDir);
    String type = info.modelType();
    if (!MODEL_TYPES.contains(type)) {
      throw new BadInputException(
          info.source(), "model type '" + type + "' is not supported (known: " + MODEL_TYPES + ")");
    }
    return switch (kind) {
      case "default" ->
          switch (type) {
            case "probunet" -> ProbUNetEstimator.open(modelDir);
            case "hpunet" -> HpuNetEstimator.open(modelDir);
            case "mose" -> MoseEstimator.open(modelDir);
            default -> McDropoutEstimator.open(modelDir);
          };
      case "tta" -> {
        if (!"mcdropout".equals(type) && !"unet".equals(type)) {
          throw new BadInputException(
              info.source(), "tta needs a deterministic unet or mcdropout model, not " + type);
        }
        yield new TtaEstimator(
            "tta-" + type, McDropoutEstimator.openPredictor(modelDir), TtaSettings.DEFAULT);
      }
      default ->
          throw new BadInputException(
              "--estimator " + kind, "unknown estimator (known: " + KINDS + ")");
    };
  }
}
