package org.ambiseg.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ambiseg.model.ProbUNetModel;

/**
 * One training step of the Probabilistic U-Net: forward pass with the posterior's z, {@link
 * ElboLoss} (plus, when on, the {@link PriorSampleGed} term on {@link PriorSampleGed#SAMPLES} prior
 * samples per image), backward pass, gradient clipping and an Adam update; every array of the step
 * lives in a sub-manager closed at its end.
 */
public final class ProbUNetObjective {

  private final ProbUNetModel model;
  private final ElboLoss loss;
  private final PriorSampleGed priorGed;
  private final AdamOptimizer optimizer;
  private final double clipNorm;
  private float klWeight = 1f;

  /** A step runner for {@code model} with the given loss, optimizer and gradient-norm clip. */
  public ProbUNetObjective(
      ProbUNetModel model, ElboLoss loss, AdamOptimizer optimizer, double clipNorm) {
    this(model, loss, new PriorSampleGed(0f), optimizer, clipNorm);
  }

  /** A step runner that also weighs in {@code priorGed} (off when its weight is 0). */
  public ProbUNetObjective(
      ProbUNetModel model,
      ElboLoss loss,
      PriorSampleGed priorGed,
      AdamOptimizer optimizer,
      double clipNorm) {
    this.model = model;
    this.loss = loss;
    this.priorGed = priorGed;
    this.optimizer = optimizer;
    this.clipNorm = clipNorm;
  }

  /**
   * Standard-normal values each image needs per step: the posterior's z, and with the prior GED
   * term on, {@link PriorSampleGed#SAMPLES} prior samples more.
   */
  public int noisePerImage() {
    int latent = model.config().latentDim();
    return priorGed.enabled() ? latent * (1 + PriorSampleGed.SAMPLES) : latent;
  }

  /** The weight (0..1) of the KL term in the next steps ({@link KlWarmup}); 1 by default. */
  public void setKlWeight(float klWeight) {
    this.klWeight = KlWarmup.checkWeight(klWeight);
  }

  /** Runs forward, backward and update on one batch at learning rate {@code lr}. */
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
      int latent = model.config().latentDim();
      NDArray noise = m.create(batch.noise(), new Shape(batch.size(), noisePerImage()));
      NDList inputs = new NDList(image, oneHot, noise.get(":, :" + latent));
      if (priorGed.enabled()) {
        inputs.add(noise.get(":, " + latent + ":").reshape(-1, latent));
      }
      var parameters = model.block().getParameters();
      Gradients.zero(parameters);
      ElboLoss.Terms terms;
      NDArray ged = null;
      NDArray total;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDList out = model.block().forward(model.parameterStore(), inputs, true);
        terms =
            loss.compute(
                out.get(0), oneHot, out.get(1), out.get(2), out.get(3), out.get(4), klWeight);
        total = terms.total();
        if (priorGed.enabled()) {
          ged = PriorSampleGed.compute(out.get(5), oneHot, PriorSampleGed.SAMPLES);
          total = total.add(ged.mul(priorGed.weight()));
        }
        collector.backward(total);
      }
      double totalValue = total.getFloat();
      Map<String, Double> named = new LinkedHashMap<>();
      named.put("reconstruction", (double) terms.reconstruction().getFloat());
      named.put("kl", (double) terms.kl().getFloat());
      if (ged != null) {
        named.put("prior_ged", (double) ged.getFloat());
      }
      if (terms.anchor() != null) {
        named.put("prior_anchor_kl", (double) terms.anchor().getFloat());
      }
      if (klWeight < 1f) {
        named.put("kl_weight", (double) klWeight);
      }
      if (!Double.isFinite(totalValue)) {
        return new StepResult(totalValue, named, Double.NaN);
      }
      double norm = Gradients.clipByGlobalNorm(parameters, clipNorm);
      if (Double.isFinite(norm)) {
        optimizer.update(parameters, lr);
      }
      return new StepResult(totalValue, named, norm);
    }
  }
}
