package org.ambiseg.app.session;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.TrainingDomain;

/**
 * Chooses the model whose training domain fits an image best (e.g. LIDC crops go to an LIDC model):
 * the fewer {@link TrainingDomain#warningsFor} warnings the better, ties broken by how close the
 * image's mean intensity is to the training data's (in training standard deviations), then by
 * preferring a model of rater disagreement to a deterministic U-Net (the viewer is about the
 * distribution; a {@code unet} gives one answer), then by the lower GED recorded in model.json for
 * its validation split ({@code training.eval.val.ged}; models trained on the same data, e.g. the
 * Prob U-Net, HPU-Net and MoSE on LIDC, differ only there). A model without a recorded domain
 * counts as one warning; one without a recorded GED comes after those with one.
 */
public final class ModelPreference {

  /** The model type that gives a single answer per image. */
  private static final String DETERMINISTIC = "unet";

  private ModelPreference() {}

  /**
   * A model that fits {@code image} strictly better than {@code current} (fewer warnings), or empty
   * when {@code current} is already among the best fitting (so the user's choice is kept when it is
   * as good as any).
   */
  public static Optional<ModelEntry> better(
      Image2D image, ModelEntry current, List<ModelEntry> models) {
    Optional<ModelEntry> best =
        models.stream()
            .min(
                Comparator.comparingInt((ModelEntry m) -> warnings(image, m))
                    .thenComparingDouble(m -> intensityDistance(image, m))
                    .thenComparingInt(m -> DETERMINISTIC.equals(m.type()) ? 1 : 0)
                    .thenComparingDouble(ModelPreference::recordedValidationGed));
    if (best.isEmpty() || current == null) {
      return best;
    }
    return warnings(image, best.get()) < warnings(image, current) ? best : Optional.empty();
  }

  /** Number of domain warnings for {@code image} under model {@code m}. */
  public static int warnings(Image2D image, ModelEntry m) {
    return m.info().domain().map(d -> d.warningsFor(image).size()).orElse(1);
  }

  /** training.eval.val.ged of model.json, or +infinity when not recorded. */
  private static double recordedValidationGed(ModelEntry m) {
    JsonObject training = m.info().training();
    if (training == null
        || !(training.get("eval") instanceof JsonObject evals)
        || !(evals.get("val") instanceof JsonObject val)
        || !(val.get("ged") instanceof JsonPrimitive ged)
        || !ged.isNumber()) {
      return Double.POSITIVE_INFINITY;
    }
    return ged.getAsDouble();
  }

  private static double intensityDistance(Image2D image, ModelEntry m) {
    Optional<TrainingDomain> d = m.info().domain();
    if (d.isEmpty()) {
      return Double.MAX_VALUE;
    }
    float[] px = image.toGrey().pixels();
    double sum = 0;
    for (float v : px) {
      sum += v;
    }
    return Math.abs(sum / px.length - d.get().intensityMean())
        / Math.max(d.get().intensityStd(), 1e-6);
  }
}
