package org.ambiseg.train;

import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.MoseModel;
import org.ambiseg.model.MoseSampler;
import org.ambiseg.model.Normalization;

/**
 * MoSE as a {@link TrainableModel}: the optimal-transport objective of {@link MoseObjective} with
 * Adam; validation samples are drawn in the standard form.
 */
public final class MoseTrainable extends AdamTrainable {

  private final MoseModel model;
  private final MoseSettings settings;
  private final MoseObjective objective;
  private final MoseSampler sampler;

  /** Wraps {@code model} (owned from now on) for training with {@code config} and {@code mose}. */
  public MoseTrainable(
      MoseModel model, TrainingConfig config, MoseSettings mose, Normalization normalization) {
    super(model.block(), model.manager(), model.config(), model::close, config.weightDecay());
    this.model = model;
    this.settings = mose;
    this.objective = new MoseObjective(model, mose, config.beta(), optimizer, config.clipNorm());
    this.sampler = new MoseSampler(model, normalization);
  }

  /** The wrapped model. */
  public MoseModel model() {
    return model;
  }

  @Override
  public String modelType() {
    return MoseModel.MODEL_TYPE;
  }

  @Override
  public int noisePerImage() {
    return MoseObjective.noisePerImage(model, settings);
  }

  @Override
  public boolean needsAllRaters() {
    return settings.allAnnotations();
  }

  @Override
  public StepResult step(TrainingBatch batch, float lr) {
    return objective.step(batch, lr);
  }

  @Override
  public List<float[]> sample(Image2D image, int n, long seed) {
    return sampler.sample(image, n, seed);
  }
}
