package org.ambiseg.estimate;

import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.model.Devices;
import org.ambiseg.model.HpuNetModel;
import org.ambiseg.model.HpuNetSampler;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;

/**
 * The Hierarchical Probabilistic U-Net as an {@link Estimator}: every latent scale drawn from the
 * prior; {@link #sample(Image2D, int, long, HpuNetSampler.ScaleSettings)} gives per-scale control
 * (temperature, fixed to the prior mean) for the viewer. The prior encoder's features of the last
 * image sampled are kept (keyed by the image object), so moving a scale's slider on the same image
 * re-runs only the decoders.
 */
public final class HpuNetEstimator implements Estimator {

  private final HpuNetModel model;
  private final HpuNetSampler sampler;
  private final ModelInfo info;
  private Image2D encodedImage;
  private HpuNetSampler.EncodedImage encoded;

  private HpuNetEstimator(HpuNetModel model, ModelInfo info) throws BadInputException {
    this.model = model;
    this.info = info;
    this.sampler = new HpuNetSampler(model, info.normalization());
  }

  /** Loads an HPU-Net model folder (model.json + model.params). */
  public static HpuNetEstimator open(Path modelDir) throws BadInputException {
    ModelStore.StoredModel stored = ModelStore.load(modelDir);
    HpuNetModel model = HpuNetModel.load(stored, Devices.select());
    try {
      return new HpuNetEstimator(model, stored.info());
    } catch (BadInputException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The model's description from model.json. */
  public ModelInfo info() {
    return info;
  }

  @Override
  public String name() {
    return "hpunet";
  }

  @Override
  public Capabilities capabilities() {
    int dims = 0;
    for (int c : model.config().latentChannels()) {
      dims += c;
    }
    return new Capabilities(
        dims,
        model.config().scales(),
        false,
        "rater disagreement at several scales: the spread of the hierarchical latents");
  }

  @Override
  public SampleSet sample(Image2D image, int n, long seed) {
    return sample(image, n, seed, HpuNetSampler.ScaleSettings.sampleAll(model.config().scales()));
  }

  /** Samples with per-scale settings (e.g. all but one scale fixed to the prior mean). */
  public SampleSet sample(Image2D image, int n, long seed, HpuNetSampler.ScaleSettings settings) {
    return SampleSet.of(
        image.width(), image.height(), encoded(image).decode(n, seed, settings), name(), seed);
  }

  /**
   * KL(q || p) of each latent scale, coarse to fine, averaged over {@code raters}: how much each
   * scale's posterior (which sees the rater's mask) moves away from the prior (see {@link
   * HpuNetSampler#klPerScale}).
   */
  public double[] klPerScale(Image2D image, List<LabelMask> raters, long seed) {
    return sampler.klPerScale(image, raters, seed);
  }

  /** The cached encoding of {@code image}, encoding it (and dropping the previous) if new. */
  private HpuNetSampler.EncodedImage encoded(Image2D image) {
    if (encoded == null || encodedImage != image) {
      release();
      encoded = sampler.encode(image);
      encodedImage = image;
    }
    return encoded;
  }

  private void release() {
    if (encoded != null) {
      encoded.close();
      encoded = null;
      encodedImage = null;
    }
  }

  @Override
  public void close() {
    release();
    model.close();
  }
}
