package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/**
 * Inference with an HPU-Net: {@link #encode} runs the prior's encoder once per image and keeps its
 * features; {@link EncodedImage#decode} then decodes N samples in one batch, each latent scale
 * either drawn from the prior with a temperature (z = mu + t * sigma * eps) or fixed to the prior
 * mean (the reference code's {@code mean} flags). Returns plain Java foreground probability maps;
 * per-call arrays live in a sub-manager closed before returning.
 */
public final class HpuNetSampler {

  /** Index of the foreground class plane of N x K x H x W probabilities. */
  private static final NDIndex FOREGROUND = new NDIndex(":, 1");

  private final HpuNetModel model;
  private final Normalization normalization;

  /** A sampler for {@code model}, normalising inputs as the model was trained. */
  public HpuNetSampler(HpuNetModel model, Normalization normalization) {
    this.model = model;
    this.normalization = normalization;
  }

  /** How each scale is chosen: per scale a temperature, or the prior mean when fixed. */
  public record ScaleSettings(double[] temperatures, boolean[] fixedToMean) {

    /** Every scale drawn at temperature 1. */
    public static ScaleSettings sampleAll(int scales) {
      double[] t = new double[scales];
      java.util.Arrays.fill(t, 1.0);
      return new ScaleSettings(t, new boolean[scales]);
    }
  }

  /** {@code n} samples with every scale drawn from the prior. */
  public List<float[]> sample(Image2D image, int n, long seed) {
    return sample(image, n, seed, ScaleSettings.sampleAll(model.config().scales()));
  }

  /** {@code n} samples with per-scale settings; the same seed gives the same samples. */
  public List<float[]> sample(Image2D image, int n, long seed, ScaleSettings settings) {
    try (EncodedImage encoded = encode(image)) {
      return encoded.decode(n, seed, settings);
    }
  }

  /**
   * KL(q || p) of each latent scale (coarse to fine) for {@code image} against each of {@code
   * raters}, averaged over the raters: the posterior sees the image and a rater's mask, its latents
   * (z = mu_q + sigma_q * eps, eps seeded by {@code seed} in scale order) are injected into the
   * prior as in training, and each scale's KL is summed over its latent pixels (nats). The raters
   * run as one batch; no gradient is recorded.
   */
  public double[] klPerScale(Image2D image, List<LabelMask> raters, long seed) {
    HpuNetConfig config = model.config();
    int b = raters.size();
    if (b == 0) {
      throw new IllegalArgumentException("the KL needs at least one rater mask");
    }
    int w = image.width();
    int h = image.height();
    int plane = w * h;
    float[] pixels =
        ModelInput.prepare(image, config.inputChannels(), config.sizeDivisor(), normalization);
    int classes = config.numClasses();
    float[] images = new float[b * pixels.length];
    byte[] labels = new byte[b * plane];
    for (int i = 0; i < b; i++) {
      LabelMask mask = raters.get(i);
      if (mask.width() != w || mask.height() != h) {
        throw new IllegalArgumentException(
            "rater mask "
                + mask.width()
                + "x"
                + mask.height()
                + " for a "
                + w
                + "x"
                + h
                + " image");
      }
      System.arraycopy(pixels, 0, images, i * pixels.length, pixels.length);
      System.arraycopy(mask.labels(), 0, labels, i * plane, plane);
    }
    float[] oneHot = OneHotMasks.encode(labels, b, plane, classes);
    SplittableRandom random = new SplittableRandom(seed);
    try (NoGrad ignored = NoGrad.enter();
        NDManager m = model.manager().newSubManager()) {
      NDArray x = m.create(images, new Shape(b, config.inputChannels(), h, w));
      NDArray y = m.create(oneHot, new Shape(b, classes, h, w));
      List<NDArray> eps = standardNormalLatents(m, random, b, h, w);
      HpuNet.TrainingOutput out =
          model.block().forwardTraining(model.parameterStore(), x, y, eps, false);
      double[] kl = new double[config.scales()];
      for (int s = 0; s < kl.length; s++) {
        double sum = 0;
        for (float v : out.klPerScale().get(s).toFloatArray()) {
          sum += v;
        }
        kl[s] = sum / b;
      }
      return kl;
    }
  }

  /**
   * Standard-normal noise of every latent scale's shape for a batch, drawn from {@code random}
   * scale by scale (coarse to fine), each scale's batch in order.
   */
  private List<NDArray> standardNormalLatents(
      NDManager m, SplittableRandom random, int batch, int height, int width) {
    List<NDArray> eps = new ArrayList<>();
    for (int s = 0; s < model.config().scales(); s++) {
      Shape shape = model.block().latentShape(s, batch, height, width);
      float[] noise = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < noise.length; i++) {
        noise[i] = (float) random.nextGaussian();
      }
      eps.add(m.create(noise, shape));
    }
    return eps;
  }

  /** Runs the prior's encoder on one image; close the result when the image is no longer used. */
  public EncodedImage encode(Image2D image) {
    HpuNetConfig config = model.config();
    float[] pixels =
        ModelInput.prepare(image, config.inputChannels(), config.sizeDivisor(), normalization);
    NDManager manager = model.manager().newSubManager();
    try (NoGrad ignored = NoGrad.enter()) {
      NDArray x =
          manager.create(
              pixels, new Shape(1, config.inputChannels(), image.height(), image.width()));
      List<NDArray> features = model.block().encodePrior(model.parameterStore(), x);
      return new EncodedImage(manager, List.copyOf(features), image.width(), image.height());
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * An image's cached prior-encoder features (batch 1), owning the NDManager they live in. Each
   * decode broadcasts them to its batch and runs the latent decoder and the stitching decoder.
   */
  public final class EncodedImage implements AutoCloseable {

    private final NDManager manager;
    private final List<NDArray> features;
    private final int width;
    private final int height;

    private EncodedImage(NDManager manager, List<NDArray> features, int width, int height) {
      this.manager = manager;
      this.features = features;
      this.width = width;
      this.height = height;
    }

    /**
     * {@code n} foreground maps with per-scale settings; the noise of every scale is drawn from a
     * Java RNG seeded by {@code seed} in scale order, so the same seed gives the same samples.
     */
    public List<float[]> decode(int n, long seed, ScaleSettings settings) {
      HpuNetConfig config = model.config();
      if (settings.temperatures().length != config.scales()
          || settings.fixedToMean().length != config.scales()) {
        throw new IllegalArgumentException(
            "settings need one entry per scale (" + config.scales() + ")");
      }
      SplittableRandom random = new SplittableRandom(seed);
      try (NoGrad ignored = NoGrad.enter();
          NDManager m = manager.newSubManager()) {
        List<NDArray> encoder = new ArrayList<>(features.size());
        for (NDArray f : features) {
          NDArray batch = f.repeat(0, n);
          batch.attach(m); // made in the cache's manager; freed with this call's
          encoder.add(batch);
        }
        List<NDArray> eps = standardNormalLatents(m, random, n, height, width);
        NDArray logits =
            model
                .block()
                .sample(
                    model.parameterStore(),
                    encoder,
                    (s, mean, logSigma) ->
                        settings.fixedToMean()[s]
                            ? mean
                            : mean.add(
                                logSigma
                                    .exp()
                                    .mul(eps.get(s))
                                    .mul((float) settings.temperatures()[s])));
        float[] all = logits.softmax(1).get(FOREGROUND).toFloatArray();
        int plane = width * height;
        List<float[]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          out.add(n == 1 ? all : Arrays.copyOfRange(all, k * plane, (k + 1) * plane));
        }
        return out;
      }
    }

    /** Image width in pixels. */
    public int width() {
      return width;
    }

    /** Image height in pixels. */
    public int height() {
      return height;
    }

    @Override
    public void close() {
      manager.close();
    }
  }
}
