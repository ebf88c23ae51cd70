package org.ambiseg.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ambiseg.core.BadInputException;
import org.ambiseg.io.AtomicFiles;

/**
 * Saves and loads model folders: {@code model.json} (format version, model type, architecture,
 * input normalisation, training domain and provenance) beside {@code model.params} (a {@link
 * TensorFile}). Loading checks the format version and that the file is complete before anything is
 * built; the caller then loads the tensors into a block with {@link BlockParameters#load}, which
 * refuses parameters whose shapes do not match the architecture.
 */
public final class ModelStore {

  /** The model.json format this code reads and writes. */
  public static final int FORMAT_VERSION = 1;

  static final String JSON = "model.json";
  static final String PARAMS = "model.params";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private ModelStore() {}

  /** A model folder read from disk: its description and parameters. */
  public record StoredModel(Path dir, ModelInfo info, TensorBundle parameters) {}

  /** Writes {@code dir/model.params} then {@code dir/model.json}, each atomically. */
  public static void save(Path dir, ModelInfo info, TensorBundle parameters) throws IOException {
    Files.createDirectories(dir);
    TensorFile.write(dir.resolve(PARAMS), parameters);
    writeInfo(dir, info);
  }

  /** Rewrites only model.json (atomically), e.g. to record evaluation results. */
  public static void writeInfo(Path dir, ModelInfo info) throws IOException {
    JsonObject json = info.json().deepCopy();
    json.addProperty("format", "ambiseg-model");
    json.addProperty("formatVersion", FORMAT_VERSION);
    json.addProperty("parameters", PARAMS);
    AtomicFiles.writeString(dir.resolve(JSON), GSON.toJson(json) + "\n");
  }

  /** Reads only model.json (cheap: for model pickers). */
  public static ModelInfo readInfo(Path dir) throws BadInputException {
    Path file = dir.resolve(JSON);
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(dir, "not a model folder (no " + JSON + ")");
    }
    JsonObject json;
    try {
      json = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), JsonObject.class);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read (" + e.getMessage() + ")", e);
    } catch (JsonParseException e) {
      throw new BadInputException(file, "not valid JSON (" + e.getMessage() + ")", e);
    }
    if (json == null || !json.has("formatVersion") || !json.has("modelType")) {
      throw new BadInputException(file, "missing formatVersion or modelType");
    }
    int version;
    try {
      version = json.get("formatVersion").getAsInt();
    } catch (RuntimeException e) {
      throw new BadInputException(file, "formatVersion is not a number");
    }
    if (version != FORMAT_VERSION) {
      throw new BadInputException(
          file,
          "model format version "
              + version
              + " is not supported by this AmbiSeg (reads "
              + FORMAT_VERSION
              + ")");
    }
    return new ModelInfo(json, file.toString());
  }

  /** Reads model.json and the full, checksummed parameter file. */
  public static StoredModel load(Path dir) throws BadInputException {
    ModelInfo info = readInfo(dir);
    Path params = dir.resolve(PARAMS);
    if (!Files.isRegularFile(params)) {
      throw new BadInputException(dir, "model folder has no " + PARAMS);
    }
    return new StoredModel(dir, info, TensorFile.read(params));
  }
}
