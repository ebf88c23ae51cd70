package org.ambiseg.train;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.BlockParameters;
import org.ambiseg.model.HpuNetModel;
import org.ambiseg.model.HpuNetSampler;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TensorBundle;

/**
 * The HPU-Net as a {@link TrainableModel}: GECO (or ELBO) with the stochastic top-k reconstruction,
 * Adam; GECO's moving average and multiplier are saved with the checkpoint.
 */
public final class HpuNetTrainable implements TrainableModel {

  private final HpuNetModel model;
  private final AdamOptimizer optimizer;
  private final GecoConstraint geco;
  private final HpuNetObjective objective;
  private final HpuNetSampler sampler;
  private final int height;
  private final int width;

  /**
   * Wraps {@code model} (owned from now on) for training on {@code height} x {@code width} images;
   * {@code geco} null trains the ELBO with the config's beta.
   */
  public HpuNetTrainable(
      HpuNetModel model,
      TrainingConfig config,
      Normalization normalization,
      GecoConstraint geco,
      double topKFraction,
      int height,
      int width) {
    this.model = model;
    this.optimizer = AdamOptimizer.withDefaults(model.manager(), config.weightDecay());
    this.geco = geco;
    this.objective =
        new HpuNetObjective(model, optimizer, geco, config.beta(), topKFraction, config.clipNorm());
    this.sampler = new HpuNetSampler(model, normalization);
    this.height = height;
    this.width = width;
  }

  /** The wrapped model. */
  public HpuNetModel model() {
    return model;
  }

  @Override
  public String modelType() {
    return "hpunet";
  }

  @Override
  public int noisePerImage() {
    return HpuNetObjective.noisePerImage(model, height, width);
  }

  @Override
  public int uniformsPerImage() {
    return height * width;
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
    JsonObject extra = new JsonObject();
    if (geco != null) {
      extra.addProperty("gecoMovingAverage", geco.movingAverage());
      extra.addProperty("gecoMultiplier", geco.multiplier());
      extra.addProperty("gecoStarted", geco.started());
    }
    return TrainingState.export(model.block(), optimizer, extra);
  }

  @Override
  public void restoreState(TensorBundle state, String source) throws BadInputException {
    TrainingState.restore(model.block(), optimizer, state, source);
    JsonObject meta = state.metadata();
    if (geco != null && meta.has("gecoMultiplier")) {
      geco.restore(
          meta.get("gecoMovingAverage").getAsDouble(),
          meta.get("gecoMultiplier").getAsDouble(),
          meta.get("gecoStarted").getAsBoolean());
    }
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
