package org.ambiseg.app.session;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;

/**
 * One model the app can open: its folder and the content of its model.json.
 *
 * @param dir the model folder (holds model.json and the parameters)
 * @param name the model's name from model.json (the folder name when it has none)
 * @param type the model type, e.g. "probunet"
 * @param info the whole model.json
 */
public record ModelEntry(Path dir, String name, String type, ModelInfo info) {

  /** Checks that no part is missing. */
  public ModelEntry {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(info, "info");
  }

  /** Reads {@code dir}/model.json. */
  public static ModelEntry read(Path dir) throws BadInputException {
    ModelInfo info = ModelStore.readInfo(dir);
    String name = info.json().has("name") ? info.name() : "";
    if (name.isBlank()) {
      Path file = dir.getFileName();
      name = file == null ? dir.toString() : file.toString();
    }
    return new ModelEntry(dir, name, info.modelType(), info);
  }

  /**
   * Where the model's training data came from and how much of it, e.g. "sample-data/train, 216
   * cases".
   */
  public String trainingData() {
    JsonObject data = object(info.training(), "data");
    if (data == null) {
      return "unknown";
    }
    String path = string(data, "path");
    String cases = string(data, "trainingCases");
    String text = path == null ? "unknown" : path;
    return cases == null ? text : text + ", " + cases + " cases";
  }

  /**
   * The model's validation metrics from model.json, e.g. "GED 0.225, HM-IoU 0.720 (selection, step
   * 2500)"; "none recorded" when model.json holds none.
   */
  public String validationMetrics() {
    JsonObject selection = object(info.training(), "selection");
    if (selection == null) {
      return "none recorded";
    }
    List<String> parts = new ArrayList<>();
    metric(selection, "ged", "GED").ifPresent(parts::add);
    metric(selection, "hm_iou", "HM-IoU").ifPresent(parts::add);
    if (parts.isEmpty()) {
      return "none recorded";
    }
    String step = string(selection, "step");
    return String.join(", ", parts) + (step == null ? "" : " (validation, step " + step + ")");
  }

  /** Type, training data and validation metrics on three lines, for the model picker. */
  public String describe() {
    return "Type: "
        + type
        + "\nTrained on: "
        + trainingData()
        + "\nValidation: "
        + validationMetrics();
  }

  @Override
  public String toString() {
    return name + " (" + type + ")";
  }

  private static Optional<String> metric(JsonObject o, String key, String label) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT, "%s %.3f", label, e.getAsDouble()));
  }

  private static JsonObject object(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  private static String string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive()) {
      return null;
    }
    if (e.getAsJsonPrimitive().isNumber()) {
      double d = e.getAsDouble();
      return d == Math.rint(d) ? Long.toString((long) d) : e.getAsString();
    }
    return e.getAsString();
  }
}
