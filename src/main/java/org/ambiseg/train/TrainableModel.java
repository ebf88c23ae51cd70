package org.ambiseg.train;

import com.google.gson.JsonObject;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.TensorBundle;

/**
 * What the {@link Trainer} needs from a model family: one optimisation step, samples for
 * validation, and its complete state (parameters and optimizer moments) for checkpoints.
 */
public interface TrainableModel extends AutoCloseable {

  /** The model type written to model.json, e.g. "probunet". */
  String modelType();

  /** Standard-normal values the model needs per training image (its latent size; 0 if none). */
  int noisePerImage();

  /** Uniform (0, 1) values the model needs per training image (0 if none). */
  default int uniformsPerImage() {
    return 0;
  }

  /** True when the model's batches must carry every rater's mask (see {@link BatchSampler}). */
  default boolean needsAllRaters() {
    return false;
  }

  /**
   * Called by the trainer before the step of 0-based index {@code step} (fresh or resumed), for
   * objectives that follow a schedule; does nothing by default.
   */
  default void beginStep(long step) {}

  /**
   * The first step count at which the weights form a complete model that may be kept as the best by
   * selection GED; earlier validations are logged but never chosen. 0 by default; a schedule that
   * leaves parts of the model out at first (the HPU-Net's {@link ScaleCurriculum}) returns the
   * first step count after every part has been trained.
   */
  default long firstSelectableStep() {
    return 0;
  }

  /** Runs one optimisation step at learning rate {@code lr}. */
  StepResult step(TrainingBatch batch, float lr);

  /** {@code n} foreground probability maps for an image, reproducible for a seed. */
  List<float[]> sample(Image2D image, int n, long seed);

  /** Parameters (prefix "param/") and optimizer state (prefix "adam/") as plain tensors. */
  TensorBundle exportState();

  /** Restores a state written by {@link #exportState}; {@code source} names the file. */
  void restoreState(TensorBundle state, String source) throws BadInputException;

  /** Just the parameters, for a model file. */
  TensorBundle exportParameters();

  /** The architecture as JSON (model.json's "architecture"). */
  JsonObject architecture();

  @Override
  void close();
}
