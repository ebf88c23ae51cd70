package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ambiseg.core.Image2D;

/**
 * Inference with an HPU-Net: the prior's encoder runs once per call, then N samples are decoded in
 * one batch, each latent scale either drawn from the prior with a temperature (z = mu + t * sigma *
 * eps) or fixed to the prior mean (the reference code's {@code mean} flags). Returns plain Java
 * foreground probability maps; all NDArrays live in a sub-manager closed before returning.
 */
public final class HpuNetSampler {

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
    HpuNetConfig config = model.config();
    float[] pixels =
        ModelInput.prepare(image, config.inputChannels(), config.sizeDivisor(), normalization);
    int h = image.height();
    int w = image.width();
    SplittableRandom random = new SplittableRandom(seed);
    try (NDManager m = model.manager().newSubManager()) {
      NDArray x = m.create(pixels, new Shape(1, config.inputChannels(), h, w));
      List<NDArray> encoder = new ArrayList<>();
      for (NDArray f : model.block().encodePrior(model.parameterStore(), x)) {
        encoder.add(f.repeat(0, n));
      }
      List<NDArray> eps = new ArrayList<>();
      for (int s = 0; s < config.scales(); s++) {
        Shape shape = model.block().latentShape(s, n, h, w);
        float[] noise = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < noise.length; i++) {
          noise[i] = (float) random.nextGaussian();
        }
        eps.add(m.create(noise, shape));
      }
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
      float[] all = logits.softmax(1).get(":, 1").toFloatArray();
      List<float[]> out = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        float[] p = new float[h * w];
        System.arraycopy(all, k * h * w, p, 0, h * w);
        out.add(p);
      }
      return out;
    }
  }
}
