package org.ambiseg.model;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;
import org.ambiseg.core.BadInputException;

/**
 * The content of a model.json: model type, architecture, input normalisation, the training domain
 * (image size and intensity statistics, used to warn when an image is far outside it) and free-form
 * provenance (data, steps, batch, seed, wall time, metrics).
 */
public final class ModelInfo {

  private static final Gson GSON = new Gson();

  private final JsonObject json;
  private final String source;

  ModelInfo(JsonObject json, String source) {
    this.json = json.deepCopy();
    this.source = source;
  }

  /** A new description; {@code provenance} may be null. */
  public static ModelInfo create(
      String name,
      String modelType,
      JsonElement architecture,
      Normalization normalization,
      TrainingDomain domain,
      JsonObject provenance) {
    JsonObject json = new JsonObject();
    json.addProperty("name", name);
    json.addProperty("modelType", modelType);
    json.add("architecture", architecture);
    json.add("normalization", GSON.toJsonTree(normalization));
    json.add("domain", GSON.toJsonTree(domain));
    json.add("training", provenance == null ? new JsonObject() : provenance);
    return new ModelInfo(json, name);
  }

  /** The JSON (a copy). */
  public JsonObject json() {
    return json.deepCopy();
  }

  public String name() {
    return json.has("name") ? json.get("name").getAsString() : "unnamed";
  }

  public String modelType() {
    return json.get("modelType").getAsString();
  }

  /** The architecture as the given config record type. */
  public <T> T architecture(Class<T> type) throws BadInputException {
    try {
      T value = GSON.fromJson(json.get("architecture"), type);
      if (value == null) {
        throw new BadInputException(source, "no architecture");
      }
      return value;
    } catch (RuntimeException e) {
      throw new BadInputException(source, "invalid architecture (" + e.getMessage() + ")", e);
    }
  }

  /** The input normalisation (identity when absent). */
  public Normalization normalization() throws BadInputException {
    try {
      return json.has("normalization")
          ? GSON.fromJson(json.get("normalization"), Normalization.class)
          : Normalization.IDENTITY;
    } catch (RuntimeException e) {
      throw new BadInputException(source, "invalid normalization (" + e.getMessage() + ")", e);
    }
  }

  /** The training domain, when recorded. */
  public Optional<TrainingDomain> domain() {
    try {
      return json.has("domain")
          ? Optional.ofNullable(GSON.fromJson(json.get("domain"), TrainingDomain.class))
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Training provenance (data, steps, metrics...). */
  public JsonObject training() {
    return json.has("training") ? json.getAsJsonObject("training").deepCopy() : new JsonObject();
  }

  /** A copy with {@code value} stored under training.{@code key} (e.g. evaluation results). */
  public ModelInfo withTrainingEntry(String key, JsonElement value) {
    JsonObject copy = json.deepCopy();
    if (!copy.has("training") || !copy.get("training").isJsonObject()) {
      copy.add("training", new JsonObject());
    }
    copy.getAsJsonObject("training").add(key, value);
    return new ModelInfo(copy, source);
  }

  /** Where this description was read from (for messages). */
  public String source() {
    return source;
  }
}
