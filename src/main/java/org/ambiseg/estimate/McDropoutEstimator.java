package org.ambiseg.estimate;

import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.model.Devices;
import org.ambiseg.model.McDropoutUNetModel;
import org.ambiseg.model.McDropoutUNetSampler;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.Normalization;

/**
 * The MC-dropout U-Net as an {@link Estimator}: n stochastic passes with dropout on, run as one
 * batched forward of the image repeated n times; the same seed gives the same samples. For a model
 * of type "unet" (no dropout) it is deterministic: n identical samples. {@link #predictor} gives
 * the same weights with dropout off, for {@link TtaEstimator}.
 */
public final class McDropoutEstimator implements Estimator {

  private final McDropoutUNetModel model;
  private final McDropoutUNetSampler sampler;
  private final ModelInfo info;

  /** Wraps a model (owned from now on) with the normalisation it was trained with. */
  public McDropoutEstimator(McDropoutUNetModel model, Normalization normalization, ModelInfo info) {
    this.model = model;
    this.sampler = new McDropoutUNetSampler(model, normalization);
    this.info = info;
  }

  /** Loads an mcdropout or unet model folder (model.json + model.params). */
  public static McDropoutEstimator open(Path modelDir) throws BadInputException {
    ModelStore.StoredModel stored = ModelStore.load(modelDir);
    McDropoutUNetModel model = McDropoutUNetModel.load(stored, Devices.select());
    try {
      return new McDropoutEstimator(model, stored.info().normalization(), stored.info());
    } catch (BadInputException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The model's description from model.json (null when built in code). */
  public ModelInfo info() {
    return info;
  }

  /**
   * {@code model} with dropout off as a predictor that owns the model (closing the predictor closes
   * it), normalising inputs with {@code normalization}.
   */
  public static ProbabilityPredictor predictor(
      McDropoutUNetModel model, Normalization normalization) {
    McDropoutUNetSampler deterministic = new McDropoutUNetSampler(model, normalization);
    return new ProbabilityPredictor() {
      @Override
      public List<float[]> predict(List<Image2D> images) {
        return deterministic.predict(images);
      }

      @Override
      public void close() {
        model.close();
      }
    };
  }

  /** Loads an mcdropout or unet model folder as a {@link #predictor} with dropout off. */
  public static ProbabilityPredictor openPredictor(Path modelDir) throws BadInputException {
    ModelStore.StoredModel stored = ModelStore.load(modelDir);
    McDropoutUNetModel model = McDropoutUNetModel.load(stored, Devices.select());
    try {
      return predictor(model, stored.info().normalization());
    } catch (BadInputException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return model.config().modelType();
  }

  @Override
  public Capabilities capabilities() {
    if (model.config().dropout() == 0f) {
      return new Capabilities(0, 0, true, "none: a plain U-Net gives one segmentation");
    }
    return new Capabilities(0, 0, false, "model (epistemic) uncertainty: spread of MC dropout");
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
