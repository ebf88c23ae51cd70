package org.ambiseg.estimate;

import java.nio.file.Path;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.model.Devices;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.ProbUNetSampler;

/**
 * The Probabilistic U-Net as an {@link Estimator}: samples z from the prior p(z|x) and decodes each
 * with the cached features; also gives the app direct access to the latent space for sliders.
 */
public final class ProbUNetEstimator implements Estimator {

  private final ProbUNetModel model;
  private final ProbUNetSampler sampler;
  private final ModelInfo info;

  private ProbUNetEstimator(ProbUNetModel model, ModelInfo info) throws BadInputException {
    this.model = model;
    this.info = info;
    this.sampler = new ProbUNetSampler(model, info.normalization());
  }

  /** Loads a Prob U-Net model folder (model.json + model.params). */
  public static ProbUNetEstimator open(Path modelDir) throws BadInputException {
    ModelStore.StoredModel stored = ModelStore.load(modelDir);
    ProbUNetModel model = ProbUNetModel.load(stored, Devices.select());
    try {
      return new ProbUNetEstimator(model, stored.info());
    } catch (BadInputException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The model's description from model.json. */
  public ModelInfo info() {
    return info;
  }

  /** The sampler, for latent-space control (encode once, decode any z). */
  public ProbUNetSampler sampler() {
    return sampler;
  }

  @Override
  public String name() {
    return "probunet";
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        model.config().latentDim(),
        0,
        false,
        "rater disagreement: the spread of the conditional VAE over its latent z");
  }

  @Override
  public SampleSet sample(Image2D image, int n, long seed) {
    return SampleSet.of(
        image.width(), image.height(), sampler.sample(image, n, seed), name(), seed);
  }

  @Override
  public void close() {
    model.close();
  }
}
