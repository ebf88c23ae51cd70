package org.ambiseg.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.ForcedDropout;
import org.ambiseg.model.McDropoutUNetModel;
import org.ambiseg.model.McDropoutUNetSampler;
import org.ambiseg.model.Normalization;

/**
 * The MC-dropout U-Net (or, with dropout 0, the plain U-Net) as a {@link TrainableModel}: {@link
 * CrossEntropyLoss} against the batch's mask (one random rater per image, chosen by the {@link
 * BatchSampler}), Adam, gradient-norm clipping. Dropout is on in training as at inference; its
 * masks are drawn after seeding the engine with the model seed mixed with a hash of the batch, and
 * the batch depends only on (seed, step), so a resumed run repeats the masks of an uninterrupted
 * one.
 */
public final class McDropoutTrainable extends AdamTrainable {

  private final McDropoutUNetModel model;
  private final McDropoutUNetSampler sampler;
  private final double clipNorm;
  private final long seed;

  /** Wraps {@code model} (owned from now on) for training with {@code config}. */
  public McDropoutTrainable(
      McDropoutUNetModel model, TrainingConfig config, Normalization normalization) {
    super(model.block(), model.manager(), model.config(), model::close, config.weightDecay());
    this.model = model;
    this.sampler = new McDropoutUNetSampler(model, normalization);
    this.clipNorm = config.clipNorm();
    this.seed = config.seed();
  }

  /** The wrapped model. */
  public McDropoutUNetModel model() {
    return model;
  }

  @Override
  public String modelType() {
    return model.config().modelType();
  }

  @Override
  public int noisePerImage() {
    return 0;
  }

  @Override
  public StepResult step(TrainingBatch batch, float lr) {
    int classes = model.config().numClasses();
    try (NDManager m = model.manager().newSubManager()) {
      NDArray image =
          m.create(
              batch.images(),
              new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
      NDArray oneHot =
          m.create(
              batch.oneHot(classes),
              new Shape(batch.size(), classes, batch.height(), batch.width()));
      var parameters = model.block().getParameters();
      Gradients.zero(parameters);
      NDArray loss;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        // forward with dropout (masks seeded from the batch) -> summed cross entropy -> backward
        loss =
            ForcedDropout.withSeed(
                maskSeed(batch),
                () -> {
                  NDArray logits =
                      model.block().forward(model.parameterStore(), new NDList(image), true).head();
                  return CrossEntropyLoss.compute(logits, oneHot);
                });
        collector.backward(loss);
      }
      double total = loss.getFloat();
      Map<String, Double> named = new LinkedHashMap<>();
      named.put("crossEntropy", total);
      if (!Double.isFinite(total)) {
        return new StepResult(total, named, Double.NaN);
      }
      double norm = Gradients.clipByGlobalNorm(parameters, clipNorm);
      if (Double.isFinite(norm)) {
        optimizer.update(parameters, lr);
      }
      return new StepResult(total, named, norm);
    }
  }

  private long maskSeed(TrainingBatch batch) {
    return seed * 31 + Arrays.hashCode(batch.images()) * 17L + Arrays.hashCode(batch.masks());
  }

  @Override
  public List<float[]> sample(Image2D image, int n, long sampleSeed) {
    return sampler.sample(image, n, sampleSeed);
  }
}
