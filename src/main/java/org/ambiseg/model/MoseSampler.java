package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ambiseg.core.Image2D;

/**
 * Inference with a MoSE model: {@link #encode} runs the U-Net, the experts' prior net and the gate
 * once per image; the encoded image then gives samples in the compact form (M samples per expert,
 * grouped with the expert's weight) or the standard form (n samples, each expert drawn by its
 * weight). Both are reproducible for a seed; returned arrays are plain Java.
 */
public final class MoseSampler {

  private final MoseModel model;
  private final Normalization normalization;

  /** A sampler for {@code model}, normalising inputs as the model was trained. */
  public MoseSampler(MoseModel model, Normalization normalization) {
    this.model = model;
    this.normalization = normalization;
  }

  /** Encodes one image (grey when the model is grey). */
  public EncodedImage encode(Image2D image) {
    MoseConfig config = model.config();
    int c = config.base().inputChannels();
    float[] pixels = ModelInput.prepare(image, c, config.sizeDivisor(), normalization);
    NDManager manager = model.manager().newSubManager();
    try (NoGrad ignored = NoGrad.enter();
        NDManager scratch = manager.newSubManager()) {
      NDArray x = scratch.create(pixels, new Shape(1, c, image.height(), image.width()));
      MoseNet.Encoding enc = model.block().encode(model.parameterStore(), x, false);
      NDArray projected = model.block().projectFeatures(model.parameterStore(), enc.features());
      projected.attach(manager);
      float[] latentWeights = model.block().latentWeights(model.parameterStore(), projected);
      int k = config.experts();
      int l = config.latentDim();
      float[] mean = enc.priorMean().toFloatArray();
      float[] logSigma = enc.priorLogSigma().toFloatArray();
      double[] weights = toDoubles(enc.gateLogits().softmax(1).toFloatArray());
      float[][] means = new float[k][l];
      float[][] sigmas = new float[k][l];
      for (int e = 0; e < k; e++) {
        for (int d = 0; d < l; d++) {
          means[e][d] = mean[e * l + d];
          sigmas[e][d] = (float) Math.exp(logSigma[e * l + d]);
        }
      }
      return new EncodedImage(manager, projected, latentWeights, weights, means, sigmas);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** {@code m} samples of every expert with the experts' weights (the compact form). */
  public List<ExpertSamples> sampleCompact(Image2D image, int m, long seed) {
    try (EncodedImage encoded = encode(image)) {
      return encoded.compact(m, seed);
    }
  }

  /** {@code n} samples, the expert of each drawn by the weights (the standard form). */
  public List<float[]> sample(Image2D image, int n, long seed) {
    try (EncodedImage encoded = encode(image)) {
      return encoded.standard(n, seed);
    }
  }

  private static double[] toDoubles(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  /**
   * An image's projected features, expert Gaussians and weights, owning the NDManager they live in.
   * Close it when the image is no longer shown.
   */
  public final class EncodedImage implements AutoCloseable {

    private final NDManager manager;
    private final NDArray projected;
    private final float[] latentWeights;
    private final double[] weights;
    private final float[][] means;
    private final float[][] sigmas;

    private EncodedImage(
        NDManager manager,
        NDArray projected,
        float[] latentWeights,
        double[] weights,
        float[][] means,
        float[][] sigmas) {
      this.manager = manager;
      this.projected = projected;
      this.latentWeights = latentWeights;
      this.weights = weights;
      this.means = means;
      this.sigmas = sigmas;
    }

    /** The experts' mixture weights for this image (sum 1). */
    public double[] weights() {
      return weights.clone();
    }

    /** Mean of expert {@code k}'s latent Gaussian. */
    public float[] mean(int k) {
      return means[k].clone();
    }

    /** Standard deviation of expert {@code k}'s latent Gaussian, per dimension. */
    public float[] sigma(int k) {
      return sigmas[k].clone();
    }

    /** M latent draws per expert then decoded, grouped per expert with its weight. */
    public List<ExpertSamples> compact(int m, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int k = weights.length;
      float[][] z = new float[k * m][];
      for (int e = 0; e < k; e++) {
        for (int s = 0; s < m; s++) {
          z[e * m + s] = draw(e, random);
        }
      }
      List<float[]> maps = decode(z);
      List<ExpertSamples> out = new ArrayList<>(k);
      for (int e = 0; e < k; e++) {
        out.add(new ExpertSamples(e, weights[e], maps.subList(e * m, (e + 1) * m)));
      }
      return out;
    }

    /**
     * {@code n} samples: their experts drawn by the weights ({@link #standardExperts}), then each z
     * from its expert's Gaussian.
     */
    public List<float[]> standard(int n, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int[] experts = drawExperts(n, random);
      float[][] z = new float[n][];
      for (int s = 0; s < n; s++) {
        z[s] = draw(experts[s], random);
      }
      return decode(z);
    }

    /** The expert of each sample of {@code standard(n, seed)}, in order. */
    public int[] standardExperts(int n, long seed) {
      return drawExperts(n, new SplittableRandom(seed));
    }

    private int[] drawExperts(int n, SplittableRandom random) {
      int[] experts = new int[n];
      for (int s = 0; s < n; s++) {
        experts[s] = pickExpert(random.nextDouble());
      }
      return experts;
    }

    private int pickExpert(double u) {
      double cumulative = 0;
      for (int e = 0; e < weights.length - 1; e++) {
        cumulative += weights[e];
        if (u < cumulative) {
          return e;
        }
      }
      return weights.length - 1;
    }

    private float[] draw(int expert, SplittableRandom random) {
      float[] z = new float[means[expert].length];
      for (int d = 0; d < z.length; d++) {
        z[d] = means[expert][d] + sigmas[expert][d] * (float) random.nextGaussian();
      }
      return z;
    }

    /**
     * Foreground probability maps for latent vectors z (any experts: the decoder is shared). W_z *
     * z is formed on the host, as in {@link ProbUNetSampler}; the engine runs the rest of Fcomb.
     */
    public List<float[]> decode(float[][] z) {
      int latent = model.config().latentDim();
      int hidden = latentWeights.length / latent;
      float[] bias = new float[z.length * hidden];
      for (int s = 0; s < z.length; s++) {
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
        NDArray latentBias = scratch.create(bias, new Shape(z.length, hidden, 1, 1));
        return ForegroundMaps.of(
            model.block().decodeBiased(model.parameterStore(), projected, latentBias));
      }
    }

    @Override
    public void close() {
      manager.close();
    }
  }
}
