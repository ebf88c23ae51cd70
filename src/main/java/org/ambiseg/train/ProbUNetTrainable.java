package org.ambiseg.train;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.BlockParameters;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.ProbUNetSampler;
import org.ambiseg.model.TensorBundle;

/** The Probabilistic U-Net as a {@link TrainableModel}: ELBO objective with Adam. */
public final class ProbUNetTrainable implements TrainableModel {

  private final ProbUNetModel model;
  private final AdamOptimizer optimizer;
  private final ProbUNetObjective objective;
  private final ProbUNetSampler sampler;

  /** Wraps {@code model} (owned from now on) for training with {@code config}. */
  public ProbUNetTrainable(
      ProbUNetModel model, TrainingConfig config, Normalization normalization) {
    this.model = model;
    this.optimizer = AdamOptimizer.withDefaults(model.manager(), config.weightDecay());
    this.objective =
        new ProbUNetObjective(model, new ElboLoss(config.beta()), optimizer, config.clipNorm());
    this.sampler = new ProbUNetSampler(model, normalization);
  }

  /** The wrapped model. */
  public ProbUNetModel model() {
    return model;
  }

  @Override
  public String modelType() {
    return "probunet";
  }

  @Override
  public int noisePerImage() {
    return model.config().latentDim();
  }

  @Override
  public StepResult step(TrainingBatch batch, float lr) {
    return objective.step(batch, lr);
  }

  @Override
  public List<float[]> sample(Image2D image, int n, long seed) {
    return sampler.sample(image, n, seed);
  }

  @Override
  public TensorBundle exportState() {
    return TrainingState.export(model.block(), optimizer, new JsonObject());
  }

  @Override
  public void restoreState(TensorBundle state, String source) throws BadInputException {
    TrainingState.restore(model.block(), optimizer, state, source);
  }

  @Override
  public TensorBundle exportParameters() {
    return new TensorBundle(BlockParameters.export(model.block()), new JsonObject());
  }

  @Override
  public JsonObject architecture() {
    return new Gson().toJsonTree(model.config()).getAsJsonObject();
  }

  @Override
  public void close() {
    optimizer.close();
    model.close();
  }
}
