package org.ambiseg.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ambiseg.core.BadInputException;
import org.ambiseg.model.TensorBundle;
import org.ambiseg.model.TensorFile;

/**
 * Writes and reads the resumable state of a run, {@code checkpoints/last.ckpt} in the run folder:
 * parameters, optimizer moments, the step counter and the trainer's bookkeeping, written to a temp
 * file and atomically renamed so a crash never leaves a half-written checkpoint.
 */
public final class Checkpointer {

  /** What the trainer records beside the model state. */
  public record TrainerState(long step, double bestSelectionGed, double elapsedSeconds) {}

  private final Path file;

  /** Checkpoints of the run in {@code runDir}. */
  public Checkpointer(Path runDir) {
    this.file = runDir.resolve("checkpoints").resolve("last.ckpt");
  }

  /** The checkpoint file. */
  public Path file() {
    return file;
  }

  /** True when a checkpoint exists. */
  public boolean exists() {
    return Files.isRegularFile(file);
  }

  /**
   * Saves the model's state with the trainer's bookkeeping.
   *
   * @throws IOException when the checkpoint cannot be written (e.g. the disk is full); its message
   *     names the file and says that the previous checkpoint is kept, which it is
   */
  public void save(TrainableModel model, TrainerState state, JsonObject trainingConfig)
      throws IOException {
    TensorBundle modelState = model.exportState();
    JsonObject meta = modelState.metadata().deepCopy();
    meta.addProperty("step", state.step());
    meta.addProperty("bestSelectionGed", state.bestSelectionGed());
    meta.addProperty("elapsedSeconds", state.elapsedSeconds());
    meta.addProperty("modelType", model.modelType());
    meta.add("architecture", model.architecture());
    meta.add("trainingConfig", trainingConfig);
    try {
      TensorFile.write(file, new TensorBundle(new LinkedHashMap<>(modelState.tensors()), meta));
    } catch (IOException e) {
      throw new IOException(
          "cannot write the checkpoint "
              + file
              + " at step "
              + state.step()
              + " ("
              + e
              + "); "
              + (exists() ? "the previous checkpoint is kept" : "no checkpoint written yet"),
          e);
    }
  }

  /** Loads the checkpoint into {@code model} and returns the trainer's bookkeeping. */
  public TrainerState restore(TrainableModel model) throws BadInputException {
    TensorBundle bundle = TensorFile.read(file);
    JsonObject meta = bundle.metadata();
    JsonElement type = meta.get("modelType");
    if (type == null || !type.isJsonPrimitive() || !model.modelType().equals(type.getAsString())) {
      throw new BadInputException(file, "checkpoint is not of a " + model.modelType() + " model");
    }
    if (!model.architecture().equals(meta.get("architecture"))) {
      throw new BadInputException(
          file,
          "checkpoint architecture "
              + meta.get("architecture")
              + " differs from "
              + model.architecture());
    }
    Map<String, TensorBundle.Tensor> tensors = bundle.tensors();
    model.restoreState(new TensorBundle(tensors, meta), file.toString());
    return new TrainerState(
        (long) number(meta, "step"),
        number(meta, "bestSelectionGed"),
        number(meta, "elapsedSeconds"));
  }

  /** A numeric field of the checkpoint's metadata; a missing or non-numeric one names the file. */
  private double number(JsonObject meta, String name) throws BadInputException {
    JsonElement e = meta.get(name);
    try {
      if (e != null && e.isJsonPrimitive()) {
        return e.getAsDouble(); // numbers, and Infinity for "no selection GED yet"
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new BadInputException(
        file, "checkpoint metadata field \"" + name + "\" is missing or not a number");
  }
}
