package org.ambiseg.estimate;

import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleGroups;
import org.ambiseg.core.SampleSet;
import org.ambiseg.model.Devices;
import org.ambiseg.model.ExpertSamples;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.MoseModel;
import org.ambiseg.model.MoseSampler;

/**
 * A Mixture of Stochastic Experts as an {@link Estimator}: {@link #sample} gives the standard form
 * (each sample's expert drawn by the gate's weights), {@link #sampleCompact} the two-level form
 * (every expert with its weight and M samples of its own). The latent space is the experts' shared
 * one (steerable through {@link #sampler()}); there are no separate scales.
 */
public final class MoseEstimator implements Estimator {

  private final MoseModel model;
  private final MoseSampler sampler;
  private final ModelInfo info;

  private MoseEstimator(MoseModel model, ModelInfo info) throws BadInputException {
    this.model = model;
    this.info = info;
    this.sampler = new MoseSampler(model, info.normalization());
  }

  /** Loads a MoSE model folder (model.json + model.params). */
  public static MoseEstimator open(Path modelDir) throws BadInputException {
    ModelStore.StoredModel stored = ModelStore.load(modelDir);
    MoseModel model = MoseModel.load(stored, Devices.select());
    try {
      return new MoseEstimator(model, stored.info());
    } catch (BadInputException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The model's description from model.json. */
  public ModelInfo info() {
    return info;
  }

  /** The sampler, for the experts' weights and latent control (encode once, decode any z). */
  public MoseSampler sampler() {
    return sampler;
  }

  /** Number of experts K. */
  public int experts() {
    return model.config().experts();
  }

  /** The compact form: every expert's weight and {@code m} samples, reproducibly for a seed. */
  public List<ExpertSamples> sampleCompact(Image2D image, int m, long seed) {
    return sampler.sampleCompact(image, m, seed);
  }

  @Override
  public String name() {
    return MoseModel.MODEL_TYPE;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        model.config().latentDim(),
        0,
        false,
        "rater disagreement: a few weighted experts (readings), each with its own spread");
  }

  @Override
  public SampleSet sample(Image2D image, int n, long seed) {
    try (MoseSampler.EncodedImage encoded = sampler.encode(image)) {
      SampleGroups experts =
          new SampleGroups(encoded.standardExperts(n, seed), encoded.weights(), "expert");
      return SampleSet.of(image.width(), image.height(), encoded.standard(n, seed), name(), seed)
          .withGroups(experts);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
