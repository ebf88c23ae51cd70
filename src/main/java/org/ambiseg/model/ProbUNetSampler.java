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

/**
 * Interactive inference with a Probabilistic U-Net: {@link #encode} runs the U-Net and the prior
 * once per image and keeps the projected features; {@link EncodedImage#decode} turns any batch of
 * latent vectors into foreground probability maps by running only the cheap part of Fcomb. Returned
 * arrays are plain Java; NDArrays stay inside the encoded image's own manager.
 */
public final class ProbUNetSampler {

  /** Index of the foreground class plane of N x K x H x W probabilities. */
  private static final NDIndex FOREGROUND = new NDIndex(":, 1");

  private final ProbUNetModel model;
  private final Normalization normalization;

  /** A sampler for {@code model}, normalising inputs as the model was trained. */
  public ProbUNetSampler(ProbUNetModel model, Normalization normalization) {
    this.model = model;
    this.normalization = normalization;
  }

  /** Encodes one image (its first {@code inputChannels} channels; grey when the model is grey). */
  public EncodedImage encode(Image2D image) {
    int c = model.config().inputChannels();
    float[] pixels = ModelInput.prepare(image, c, model.config().sizeDivisor(), normalization);
    NDManager manager = model.manager().newSubManager();
    try (NoGrad ignored = NoGrad.enter();
        NDManager scratch = manager.newSubManager()) {
      NDArray x = scratch.create(pixels, new Shape(1, c, image.height(), image.width()));
      ProbUNet.Encoding enc = model.block().encode(model.parameterStore(), x);
      NDArray projected = model.block().projectFeatures(model.parameterStore(), enc.features());
      projected.attach(manager);
      float[] latentWeights = model.block().latentWeights(model.parameterStore(), projected);
      float[] mean = enc.priorMean().toFloatArray();
      float[] logSigma = enc.priorLogSigma().toFloatArray();
      float[] sigma = new float[logSigma.length];
      for (int i = 0; i < sigma.length; i++) {
        sigma[i] = (float) Math.exp(logSigma[i]);
      }
      return new EncodedImage(
          manager, projected, latentWeights, mean, sigma, image.width(), image.height());
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Draws {@code n} samples z ~ p(z|x) with a seeded Java RNG and decodes them. */
  public List<float[]> sample(Image2D image, int n, long seed) {
    try (EncodedImage encoded = encode(image)) {
      return encoded.decode(encoded.drawPrior(n, seed));
    }
  }

  /**
   * An image's cached projected features and prior, owning the NDManager they live in. Close it
   * when the image is no longer shown.
   */
  public final class EncodedImage implements AutoCloseable {

    private final NDManager manager;
    private final NDArray projected;
    private final float[] latentWeights;
    private final float[] priorMean;
    private final float[] priorSigma;
    private final int width;
    private final int height;

    private EncodedImage(
        NDManager manager,
        NDArray projected,
        float[] latentWeights,
        float[] priorMean,
        float[] priorSigma,
        int width,
        int height) {
      this.manager = manager;
      this.projected = projected;
      this.latentWeights = latentWeights;
      this.priorMean = priorMean;
      this.priorSigma = priorSigma;
      this.width = width;
      this.height = height;
    }

    /** Mean of the prior p(z|x). */
    public float[] priorMean() {
      return priorMean.clone();
    }

    /** Standard deviation of the prior p(z|x), per latent dimension. */
    public float[] priorSigma() {
      return priorSigma.clone();
    }

    /**
     * {@code n} latent vectors mu + sigma * eps with eps from a Java RNG seeded by {@code seed}.
     */
    public float[][] drawPrior(int n, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      float[][] z = new float[n][priorMean.length];
      for (int s = 0; s < n; s++) {
        for (int l = 0; l < priorMean.length; l++) {
          z[s][l] = priorMean[l] + priorSigma[l] * (float) random.nextGaussian();
        }
      }
      return z;
    }

    /**
     * Foreground probability maps (softmax, class 1 for binary models) for each latent vector. W_z
     * * z, the latent's share of Fcomb's first layer, is formed here on the host (a few dozen
     * multiply-adds), so the engine runs only the remaining layers on the cached projection.
     */
    public List<float[]> decode(float[][] z) {
      int n = z.length;
      int latent = priorMean.length;
      int hidden = latentWeights.length / latent;
      float[] bias = new float[n * hidden];
      for (int s = 0; s < n; s++) {
        if (z[s].length != latent) {
          throw new IllegalArgumentException(
              "z has " + z[s].length + " values, expected " + latent);
        }
        for (int h = 0; h < hidden; h++) {
          float acc = 0;
          for (int l = 0; l < latent; l++) {
            acc += latentWeights[h * latent + l] * z[s][l];
          }
          bias[s * hidden + h] = acc;
        }
      }
      try (NoGrad ignored = NoGrad.enter();
          NDManager scratch = manager.newSubManager()) {
        NDArray latentBias = scratch.create(bias, new Shape(n, hidden, 1, 1));
        NDArray logits = model.block().decodeBiased(model.parameterStore(), projected, latentBias);
        float[] all = logits.softmax(1).get(FOREGROUND).toFloatArray();
        int plane = width * height;
        List<float[]> out = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
          // one sample needs no copy: the engine's array is already its map
          out.add(n == 1 ? all : Arrays.copyOfRange(all, s * plane, (s + 1) * plane));
        }
        return out;
      }
    }

    @Override
    public void close() {
      manager.close();
    }
  }
}
