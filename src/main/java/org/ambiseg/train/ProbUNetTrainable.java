package org.ambiseg.train;

import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.ProbUNetSampler;

/** The Probabilistic U-Net as a {@link TrainableModel}: ELBO objective with Adam. */
public final class ProbUNetTrainable extends AdamTrainable {

  private final ProbUNetModel model;
  private final ProbUNetObjective objective;
  private final ProbUNetSampler sampler;
  private final KlWarmup klWarmup;

  /** Wraps {@code model} (owned from now on) for training with {@code config}, no KL warm-up. */
  public ProbUNetTrainable(
      ProbUNetModel model, TrainingConfig config, Normalization normalization) {
    this(model, config, normalization, KlWarmup.OFF, 0f, 0f);
  }

  /**
   * Wraps {@code model} (owned from now on) for training with {@code config}; {@code klWarmup}
   * ramps the weight of beta &times; KL up from 0, and {@code priorAnchor} weighs the prior's KL to
   * N(0, I) ({@link ElboLoss}; 0 = off) and {@code priorGed} the {@link PriorSampleGed} term (0 =
   * off).
   */
  public ProbUNetTrainable(
      ProbUNetModel model,
      TrainingConfig config,
      Normalization normalization,
      KlWarmup klWarmup,
      float priorAnchor,
      float priorGed) {
    super(model.block(), model.manager(), model.config(), model::close, config.weightDecay());
    this.model = model;
    this.objective =
        new ProbUNetObjective(
            model,
            new ElboLoss(config.beta(), priorAnchor),
            new PriorSampleGed(priorGed),
            optimizer,
            config.clipNorm());
    this.sampler = new ProbUNetSampler(model, normalization);
    this.klWarmup = klWarmup;
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
    return objective.noisePerImage();
  }

  @Override
  public void beginStep(long step) {
    objective.setKlWeight(klWarmup.weight(step));
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
