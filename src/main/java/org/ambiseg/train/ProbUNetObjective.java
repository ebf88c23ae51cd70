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
 * ElboLoss}, backward pass, gradient clipping and an Adam update; every array of the step lives in
 * a sub-manager closed at its end.
 */
public final class ProbUNetObjective {

  private final ProbUNetModel model;
  private final ElboLoss loss;
  private final AdamOptimizer optimizer;
  private final double clipNorm;
  private float klWeight = 1f;

  /** A step runner for {@code model} with the given loss, optimizer and gradient-norm clip. */
  public ProbUNetObjective(
      ProbUNetModel model, ElboLoss loss, AdamOptimizer optimizer, double clipNorm) {
    this.model = model;
    this.loss = loss;
    this.optimizer = optimizer;
    this.clipNorm = clipNorm;
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
      NDArray eps = m.create(batch.noise(), new Shape(batch.size(), model.config().latentDim()));
      var parameters = model.block().getParameters();
      Gradients.zero(parameters);
      ElboLoss.Terms terms;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDList out =
            model.block().forward(model.parameterStore(), new NDList(image, oneHot, eps), true);
        terms =
            loss.compute(
                out.get(0), oneHot, out.get(1), out.get(2), out.get(3), out.get(4), klWeight);
        collector.backward(terms.total());
      }
      double total = terms.total().getFloat();
      Map<String, Double> named = new LinkedHashMap<>();
      named.put("reconstruction", (double) terms.reconstruction().getFloat());
      named.put("kl", (double) terms.kl().getFloat());
      if (terms.anchor() != null) {
        named.put("prior_anchor_kl", (double) terms.anchor().getFloat());
      }
      if (klWeight < 1f) {
        named.put("kl_weight", (double) klWeight);
      }
      if (!Double.isFinite(total)) {
        return new StepResult(total, named, Double.NaN);
      }
      double norm = Gradients.clipByGlobalNorm(parameters, clipNorm);
      if (Double.isFinite(norm)) {
        optimizer.update(parameters, lr);
      }
      return new StepResult(total, named, norm);
    }
  }
}
