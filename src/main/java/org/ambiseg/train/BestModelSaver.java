package org.ambiseg.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.ambiseg.core.BadInputException;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;

/**
 * Keeps the model with the lowest selection-set GED as a complete model folder ({@code best/} in
 * the run folder), written whenever a validation improves on it. On resume it reads the GED of the
 * folder already there, so a resumed run only replaces it with a better model. Validations before
 * the model's {@link TrainableModel#firstSelectableStep()} are not considered.
 */
public final class BestModelSaver implements TrainingListener {

  private final TrainableModel model;
  private final Path dir;
  private final Function<JsonObject, ModelInfo> describe;
  private double best = Double.POSITIVE_INFINITY;

  /**
   * Saves {@code model} into {@code dir}; {@code describe} turns the selection metrics (JSON) into
   * the model.json description.
   */
  public BestModelSaver(TrainableModel model, Path dir, Function<JsonObject, ModelInfo> describe) {
    this.model = model;
    this.dir = dir;
    this.describe = describe;
    if (Files.isDirectory(dir)) {
      try {
        JsonObject training = ModelStore.readInfo(dir).training();
        if (training.has("selection") && training.getAsJsonObject("selection").has("ged")) {
          best = training.getAsJsonObject("selection").get("ged").getAsDouble();
        }
      } catch (BadInputException e) {
        // an unreadable best/ folder is simply replaced by the next validation
        best = Double.POSITIVE_INFINITY;
      }
    }
  }

  @Override
  public void onValidation(long step, Map<String, Double> metrics) {
    Double ged = metrics.get("ged");
    if (ged == null || !(ged < best) || step < model.firstSelectableStep()) {
      return;
    }
    best = ged;
    JsonObject selection = new JsonObject();
    selection.addProperty("step", step);
    metrics.forEach(selection::addProperty);
    try {
      ModelStore.save(dir, describe.apply(selection), model.exportParameters());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the best model to " + dir, e);
    }
  }

  /** The best selection GED so far. */
  public double best() {
    return best;
  }
}
