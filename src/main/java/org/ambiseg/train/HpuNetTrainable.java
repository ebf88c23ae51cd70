package org.ambiseg.train;

import com.google.gson.JsonObject;
import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.HpuNetModel;
import org.ambiseg.model.HpuNetSampler;
import org.ambiseg.model.Normalization;

/**
 * The HPU-Net as a {@link TrainableModel}: GECO (or ELBO) with the stochastic top-k reconstruction,
 * Adam; GECO's moving average and multiplier are saved with the checkpoint.
 */
public final class HpuNetTrainable extends AdamTrainable {

  private final HpuNetModel model;
  private final GecoConstraint geco;
  private final HpuNetObjective objective;
  private final HpuNetSampler sampler;
  private final ScaleCurriculum curriculum;
  private final KlWarmup klWarmup;
  private final int height;
  private final int width;

  /**
   * Wraps {@code model} (owned from now on) for training on {@code height} x {@code width} images;
   * {@code geco} null trains the ELBO with the config's beta; {@code freeBits} nats of KL per scale
   * are free (0 = off); {@code curriculum} unlocks the latent scales coarse to fine and {@code
   * klWarmup} ramps the KL weight up from 0.
   */
  public HpuNetTrainable(
      HpuNetModel model,
      TrainingConfig config,
      Normalization normalization,
      GecoConstraint geco,
      double topKFraction,
      double freeBits,
      ScaleCurriculum curriculum,
      KlWarmup klWarmup,
      int height,
      int width) {
    super(model.block(), model.manager(), model.config(), model::close, config.weightDecay());
    this.model = model;
    this.geco = geco;
    this.objective =
        new HpuNetObjective(
            model, optimizer, geco, config.beta(), topKFraction, freeBits, config.clipNorm());
    this.sampler = new HpuNetSampler(model, normalization);
    this.curriculum = curriculum;
    this.klWarmup = klWarmup;
    this.height = height;
    this.width = width;
  }

  @Override
  protected JsonObject extraState() {
    JsonObject extra = new JsonObject();
    if (geco != null) {
      extra.addProperty("gecoMovingAverage", geco.movingAverage());
      extra.addProperty("gecoMultiplier", geco.multiplier());
      extra.addProperty("gecoStarted", geco.started());
    }
    return extra;
  }

  @Override
  protected void restoreExtraState(JsonObject meta) {
    if (geco != null && meta.has("gecoMultiplier")) {
      geco.restore(
          meta.get("gecoMovingAverage").getAsDouble(),
          meta.get("gecoMultiplier").getAsDouble(),
          meta.get("gecoStarted").getAsBoolean());
    }
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
  public void beginStep(long step) {
    objective.setActiveScales(curriculum.activeScales(step, model.config().scales()));
    objective.setKlWeight(klWarmup.weight(step));
  }

  @Override
  public long firstSelectableStep() {
    return curriculum.firstCompleteStep(model.config().scales());
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
