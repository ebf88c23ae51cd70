package org.ambiseg.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ambiseg.model.Gaussians;
import org.ambiseg.model.MoseModel;

/**
 * One training step of MoSE: an optimal-transport loss between the weighted set of predictions (K
 * experts x M samples, sample weight w_k / M with w the gate's weights) and the weighted set of
 * annotations (every rater with weight 1 / R, or the step's one rater with weight 1).
 *
 * <pre>
 *   C_ij  = sum_pixels -[y_j log p_i + (1 - y_j) log(1 - p_i)]     (summed over pixels!)
 *   P     = Sinkhorn(C, a = w_k / M, b = 1 / R)                     (a constant: no gradient)
 *   ot    = (1/B) sum_b sum_ij P_ij C_ij
 *   gate  = (1/B) sum_b sum_k -t_k log w_k,  t_k = sum_{i in k} sum_j Q_ij
 *   kl    = (1/B) sum_b sum_k KL(N(mu_k, sigma_k^2) || N(a_k, I)),  a_k the expert's anchor
 *   loss  = ot + gateWeight * gate + beta * kl
 * </pre>
 *
 * The cross-entropy cost is summed over pixels, like the Prob U-Net's reconstruction term, so the
 * loss has the scale the shared learning rate and beta were chosen for (a per-pixel mean would let
 * the regulariser dominate, MODEL_NOTES.md); the plan does not depend on that choice because
 * Sinkhorn's epsilon is relative to the cost range. The plan is treated as constant, so the gate
 * gets no gradient through it; instead Q, the semi-relaxed plan (annotations spread over the
 * predictions by softmin of their costs, predictions unconstrained), tells which experts explain
 * the annotations, and the gate is trained by cross-entropy towards Q's expert marginals. With one
 * annotation per image this is a proper scoring rule: over many steps the weights approach the
 * frequencies with which the raters' readings are best explained by each expert. The KL keeps each
 * expert's Gaussian near its own anchor ({@link MoseSettings#anchors}): with one shared anchor at
 * the origin it pulled every expert onto N(0, I) within a few hundred LIDC steps (KL 4e-4 nats),
 * making the experts identical; without any KL the means drifted to thousands and the cost stopped
 * falling. Distinct anchors keep the experts apart and bounded.
 */
public final class MoseObjective {

  private final MoseModel model;
  private final MoseSettings settings;
  private final SinkhornTransport transport;
  private final AdamOptimizer optimizer;
  private final float beta;
  private final double clipNorm;

  /** The loss and its terms (scalars); ot, gate and kl unweighted. */
  record Terms(NDArray total, NDArray ot, NDArray gate, NDArray kl) {}

  /**
   * The transport plans of a batch, B x S x R (zero in unused rater slots), and the gate targets, B
   * x K.
   */
  record Plans(float[] transport, float[] gateTargets) {}

  /** A step runner with the given settings, KL weight, optimizer and gradient-norm clip. */
  public MoseObjective(
      MoseModel model,
      MoseSettings settings,
      float beta,
      AdamOptimizer optimizer,
      double clipNorm) {
    this.model = model;
    this.settings = settings;
    this.transport = settings.transport();
    this.optimizer = optimizer;
    this.beta = beta;
    this.clipNorm = clipNorm;
  }

  /** Standard-normal values per image: K experts x M samples x L latent dimensions. */
  public static int noisePerImage(MoseModel model, MoseSettings settings) {
    return model.config().experts() * settings.samplesPerExpert() * model.config().latentDim();
  }

  /** Runs forward, backward and update on one batch at learning rate {@code lr}. */
  public StepResult step(TrainingBatch batch, float lr) {
    try (NDManager m = model.manager().newSubManager()) {
      NDArray image =
          m.create(
              batch.images(),
              new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
      NDArray eps = m.create(batch.noise(), noiseShape(batch.size()));
      int[] counts = raterCounts(batch);
      NDArray targets = targets(m, batch);
      var parameters = model.block().getParameters();
      Gradients.zero(parameters);
      Terms terms;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDList out = model.block().forward(model.parameterStore(), new NDList(image, eps), true);
        NDArray costs = costs(out.get(0), targets, batch.size());
        Plans plans = plans(costs, out.get(3), counts);
        terms = loss(costs, out, plans);
        collector.backward(terms.total());
      }
      double total = terms.total().getFloat();
      Map<String, Double> named = new LinkedHashMap<>();
      named.put("ot", (double) terms.ot().getFloat());
      named.put("gate", (double) terms.gate().getFloat());
      named.put("kl", (double) terms.kl().getFloat());
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

  /** Shape of a batch's noise: (B, K * M, L). */
  Shape noiseShape(int batchSize) {
    return new Shape(
        batchSize,
        (long) model.config().experts() * settings.samplesPerExpert(),
        model.config().latentDim());
  }

  /** Annotations per image: the batch's rater counts, or 1 each in one-annotation mode. */
  int[] raterCounts(TrainingBatch batch) {
    if (!settings.allAnnotations()) {
      int[] ones = new int[batch.size()];
      Arrays.fill(ones, 1);
      return ones;
    }
    if (!batch.hasAllRaters()) {
      throw new IllegalArgumentException("MoSE on all annotations needs batches with every rater");
    }
    return batch.raterCounts();
  }

  /** The foreground targets (B, R, H*W) as 0/1 floats. */
  NDArray targets(NDManager m, TrainingBatch batch) {
    byte[] masks = settings.allAnnotations() ? batch.raterMasks() : batch.masks();
    int slots = settings.allAnnotations() ? batch.raterSlots() : 1;
    float[] values = new float[masks.length];
    for (int i = 0; i < masks.length; i++) {
      int k = masks[i] & 0xFF;
      if (k > 1) {
        throw new IllegalArgumentException("mask class " + k + " >= 2 classes");
      }
      values[i] = k;
    }
    return m.create(values, new Shape(batch.size(), slots, (long) batch.height() * batch.width()));
  }

  /** Pixel-summed binary cross-entropy of every prediction against every target: (B, S, R). */
  static NDArray costs(NDArray logits, NDArray targets, int batchSize) {
    Shape s = logits.getShape();
    long samples = s.get(0) / batchSize;
    long pixels = s.get(2) * s.get(3);
    NDArray logP = logits.logSoftmax(1).reshape(batchSize, samples, 2, pixels);
    NDArray logBackground = logP.get(":, :, 0, :");
    NDArray logForeground = logP.get(":, :, 1, :");
    NDArray y = targets.transpose(0, 2, 1);
    NDArray notY = y.neg().add(1f);
    return logForeground.matMul(y).add(logBackground.matMul(notY)).neg();
  }

  /** Solves the plans and gate targets of every image on the (detached) costs and gate weights. */
  Plans plans(NDArray costs, NDArray gateLogits, int[] counts) {
    Shape s = costs.getShape();
    int batch = (int) s.get(0);
    int samples = (int) s.get(1);
    int slots = (int) s.get(2);
    int k = model.config().experts();
    int perExpert = samples / k;
    float[] c = costs.toFloatArray();
    float[] w = gateLogits.softmax(1).toFloatArray();
    float[] plan = new float[c.length];
    float[] gateTargets = new float[batch * k];
    for (int b = 0; b < batch; b++) {
      int r = counts[b];
      double[][] cost = new double[samples][r];
      double[] a = new double[samples];
      for (int i = 0; i < samples; i++) {
        a[i] = w[b * k + i / perExpert] / (double) perExpert;
        for (int j = 0; j < r; j++) {
          cost[i][j] = c[(b * samples + i) * slots + j];
        }
      }
      double[] weights = new double[r];
      Arrays.fill(weights, 1.0 / r);
      double[][] p = transport.solve(cost, normalised(a), weights).plan();
      double[][] q = transport.semiRelaxed(cost, weights);
      for (int i = 0; i < samples; i++) {
        for (int j = 0; j < r; j++) {
          plan[(b * samples + i) * slots + j] = (float) p[i][j];
          gateTargets[b * k + i / perExpert] += (float) q[i][j];
        }
      }
    }
    return new Plans(plan, gateTargets);
  }

  /** The loss of a forward pass's outputs with given plans (held constant). */
  Terms loss(NDArray costs, NDList out, Plans plans) {
    NDManager m = costs.getManager();
    long batch = costs.getShape().get(0);
    NDArray plan = m.create(plans.transport(), costs.getShape());
    NDArray ot = plan.mul(costs).sum().div(batch);
    NDArray gateLogits = out.get(3);
    NDArray targets = m.create(plans.gateTargets(), gateLogits.getShape());
    NDArray gate = gateLogits.logSoftmax(1).mul(targets).sum().neg().div(batch);
    NDArray mean = out.get(1);
    NDArray logSigma = out.get(2);
    Shape latent = mean.getShape();
    NDArray anchors =
        m.create(
                settings.anchors((int) latent.get(1), (int) latent.get(2)),
                new Shape(1, latent.get(1), latent.get(2)))
            .broadcast(latent);
    NDArray kl = Gaussians.kl(mean, logSigma, anchors, logSigma.zerosLike()).sum();
    kl = kl.div(batch);
    NDArray total = ot.add(gate.mul(settings.gateWeight())).add(kl.mul(beta));
    return new Terms(total, ot, gate, kl);
  }

  /** Weights rescaled to sum 1 in double precision (the gate's float softmax is a hair off). */
  private static double[] normalised(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += v;
    }
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i] / sum;
    }
    return out;
  }
}
