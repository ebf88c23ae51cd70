package org.ambiseg.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ambiseg.model.HpuNet;
import org.ambiseg.model.HpuNetModel;

/**
 * One training step of the HPU-Net. Reconstruction error R: pixel cross-entropy summed over the
 * selected pixels and averaged over the batch; with {@code topKFraction} below 1 the pixels are the
 * stochastic top k (the k largest of log CE + Gumbel noise per image, as the published code), else
 * all pixels. The loss is GECO's lambda * C + sum of per-scale KL, or the ELBO R + beta * KL when
 * no GECO constraint is given; optional free bits per scale ({@link #withFreeBits}). Every array
 * lives in a sub-manager closed at the end of the step.
 *
 * <p>The batch's noise per image is laid out as: the latent noise of every scale (flattened, coarse
 * to fine), then H x W uniform values in (0, 1) for the Gumbel perturbation.
 */
public final class HpuNetObjective {

  private final HpuNetModel model;
  private final AdamOptimizer optimizer;
  private final GecoConstraint geco;
  private final float beta;
  private final double topKFraction;
  private final double freeBits;
  private final double clipNorm;
  private int activeScales;
  private float klWeight = 1f;

  /**
   * A step runner; {@code geco} null means the ELBO with {@code beta}. The per-scale KL enters the
   * loss as max(KL, {@code freeBits}) (0 = plain KL); the logged per-scale KL is always the plain
   * one.
   */
  public HpuNetObjective(
      HpuNetModel model,
      AdamOptimizer optimizer,
      GecoConstraint geco,
      float beta,
      double topKFraction,
      double freeBits,
      double clipNorm) {
    this.model = model;
    this.optimizer = optimizer;
    this.geco = geco;
    this.beta = beta;
    this.topKFraction = topKFraction;
    this.freeBits = freeBits;
    this.clipNorm = clipNorm;
    this.activeScales = model.config().scales();
  }

  /**
   * How many of the coarsest scales the next steps put into the decoder (the rest get z = 0, see
   * {@link ScaleCurriculum}); every scale's KL is charged either way, so a scale that is not yet
   * active keeps its posterior on the prior and starts uninformative when it is unlocked.
   */
  public void setActiveScales(int activeScales) {
    if (activeScales < 1 || activeScales > model.config().scales()) {
      throw new IllegalArgumentException(
          "active scales " + activeScales + " of " + model.config().scales());
    }
    this.activeScales = activeScales;
  }

  /** The weight (0..1) of the KL term in the next steps ({@link KlWarmup}); 1 by default. */
  public void setKlWeight(float klWeight) {
    this.klWeight = KlWarmup.checkWeight(klWeight);
  }

  /** Noise values per image for an image of {@code height} x {@code width}. */
  public static int noisePerImage(HpuNetModel model, int height, int width) {
    int n = 0;
    for (int s = 0; s < model.config().scales(); s++) {
      n += Math.toIntExact(model.block().latentShape(s, 1, height, width).size());
    }
    return n;
  }

  /** Runs forward, backward and update on one batch at learning rate {@code lr}. */
  public StepResult step(TrainingBatch batch, float lr) {
    int b = batch.size();
    int h = batch.height();
    int w = batch.width();
    int classes = model.config().numClasses();
    int perImage = noisePerImage(model, h, w);
    try (NDManager m = model.manager().newSubManager()) {
      NDArray image = m.create(batch.images(), new Shape(b, batch.channels(), h, w));
      NDArray oneHot = m.create(batch.oneHot(classes), new Shape(b, classes, h, w));
      List<NDArray> eps = new ArrayList<>();
      int offset = 0;
      for (int s = 0; s < model.config().scales(); s++) {
        Shape shape = model.block().latentShape(s, b, h, w);
        int size = Math.toIntExact(shape.size() / b);
        float[] values = new float[b * size];
        for (int i = 0; i < b; i++) {
          System.arraycopy(batch.noise(), i * perImage + offset, values, i * size, size);
        }
        eps.add(m.create(values, shape));
        offset += size;
      }
      var parameters = model.block().getParameters();
      Gradients.zero(parameters);
      double reconstructionValue;
      double[] klValues = new double[eps.size()];
      double total;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        HpuNet.TrainingOutput out =
            model
                .block()
                .forwardTraining(model.parameterStore(), image, oneHot, eps, activeScales, true);
        NDArray ce =
            out.logits()
                .logSoftmax(1)
                .mul(oneHot)
                .sum(new int[] {1})
                .neg()
                .reshape(b, (long) h * w);
        NDArray selection =
            m.create(
                selectTopK(ce.toFloatArray(), batch.uniforms(), b, h * w),
                new Shape(b, (long) h * w));
        NDArray reconstruction = ce.mul(selection).sum().div(b);
        NDArray kl = null;
        for (int s = 0; s < out.klPerScale().size(); s++) {
          NDArray scaleKl = out.klPerScale().get(s).mean();
          klValues[s] = scaleKl.getFloat();
          NDArray charged = withFreeBits(scaleKl, freeBits);
          kl = kl == null ? charged : kl.add(charged);
        }
        if (klWeight < 1f) {
          kl = kl.mul(klWeight);
        }
        NDArray loss =
            geco != null
                ? geco.loss(reconstruction, kl, selectedPixels(h * w))
                : reconstruction.add(kl.mul(beta));
        reconstructionValue = reconstruction.getFloat();
        total = loss.getFloat();
        collector.backward(loss);
      }
      Map<String, Double> terms = new LinkedHashMap<>();
      terms.put("reconstruction", reconstructionValue);
      double klSum = 0;
      for (int s = 0; s < klValues.length; s++) {
        terms.put("kl" + s, klValues[s]);
        klSum += klValues[s];
      }
      terms.put("kl", klSum);
      if (klWeight < 1f) {
        terms.put("kl_weight", (double) klWeight);
      }
      if (activeScales < klValues.length) {
        terms.put("active_scales", (double) activeScales);
      }
      if (geco != null) {
        terms.put("geco_lambda", geco.multiplier());
        terms.put("geco_constraint_ma", geco.movingAverage());
      }
      if (!Double.isFinite(total)) {
        return new StepResult(total, terms, Double.NaN);
      }
      double norm = Gradients.clipByGlobalNorm(parameters, clipNorm);
      if (Double.isFinite(norm)) {
        optimizer.update(parameters, lr);
        if (geco != null) {
          geco.updateMultiplier(selectedPixels(h * w));
        }
      }
      return new StepResult(total, terms, norm);
    }
  }

  /**
   * The KL of one scale as the loss charges it: max(KL, freeBits), so that a scale below its free
   * nats gets no gradient pushing its posterior onto the prior (and information placed there costs
   * nothing); {@code freeBits} 0 returns the KL itself.
   */
  static NDArray withFreeBits(NDArray scaleKl, double freeBits) {
    return freeBits > 0 ? scaleKl.maximum((float) freeBits) : scaleKl;
  }

  /**
   * Pixels per image in the reconstruction error: GECO's threshold is kappa times this, so kappa
   * bounds the mean cross-entropy over the selected pixels (as in the published code).
   */
  private double selectedPixels(int pixels) {
    return topKFraction >= 1 ? pixels : Math.max(1, (int) Math.ceil(topKFraction * pixels));
  }

  /** 1 for the selected pixels of each image, 0 elsewhere. */
  private float[] selectTopK(float[] ce, float[] uniforms, int b, int pixels) {
    float[] mask = new float[b * pixels];
    if (topKFraction >= 1) {
      // all pixels count
      java.util.Arrays.fill(mask, 1f);
      return mask;
    }
    int k = (int) selectedPixels(pixels);
    double[] score = new double[pixels];
    for (int i = 0; i < b; i++) {
      for (int p = 0; p < pixels; p++) {
        double u = Math.min(1 - 1e-7, Math.max(1e-7, uniforms[i * pixels + p]));
        // Gumbel-perturbed log cross-entropy: sampling k pixels without replacement by CE weight
        score[p] = Math.log(ce[i * pixels + p] + 1e-12) - Math.log(-Math.log(u));
      }
      double[] sorted = score.clone();
      java.util.Arrays.sort(sorted);
      double threshold = sorted[pixels - k];
      int taken = 0;
      for (int p = 0; p < pixels && taken < k; p++) {
        if (score[p] >= threshold) {
          mask[i * pixels + p] = 1f;
          taken++;
        }
      }
    }
    return mask;
  }
}
