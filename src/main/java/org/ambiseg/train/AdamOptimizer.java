package org.ambiseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba 2015) with optional L2 weight decay added to the gradient, and moments this
 * project owns so they can be checkpointed and restored exactly (DJL keeps its optimizer state
 * private):
 *
 * <pre>
 *   g = grad + wd * w;  m = b1 m + (1 - b1) g;  v = b2 v + (1 - b2) g^2
 *   w = w - lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 */
public final class AdamOptimizer implements AutoCloseable {

  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final float weightDecay;
  private final NDManager manager;
  private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
  private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
  private long step;

  /** Adam with the given hyper-parameters; moments live in a sub-manager of {@code parent}. */
  public AdamOptimizer(
      NDManager parent, float beta1, float beta2, float epsilon, float weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
    this.manager = parent.newSubManager();
  }

  /** Adam with PyTorch's defaults (0.9, 0.999, 1e-8) and the given weight decay. */
  public static AdamOptimizer withDefaults(NDManager parent, float weightDecay) {
    return new AdamOptimizer(parent, 0.9f, 0.999f, 1e-8f, weightDecay);
  }

  /** Updates every parameter that has a gradient, at learning rate {@code lr}. */
  public void update(PairList<String, Parameter> parameters, float lr) {
    step++;
    float correction1 = 1f - (float) Math.pow(beta1, step);
    float correction2 = 1f - (float) Math.pow(beta2, step);
    for (Pair<String, Parameter> entry : parameters) {
      NDArray w = entry.getValue().getArray();
      NDArray m = moment(firstMoments, entry.getKey(), w);
      NDArray v = moment(secondMoments, entry.getKey(), w);
      try (NDManager scratch = manager.newSubManager()) {
        // every temporary is attached to scratch so none outlives this parameter's update
        NDArray grad = w.getGradient();
        grad.attach(scratch);
        if (weightDecay != 0) {
          NDArray decay = w.mul(weightDecay);
          decay.attach(scratch);
          grad = grad.add(decay);
        }
        m.muli(beta1).addi(grad.mul(1 - beta1));
        v.muli(beta2).addi(grad.square().muli(1 - beta2));
        NDArray vHat = v.div(correction2);
        vHat.attach(scratch);
        NDArray denom = vHat.sqrt().addi(epsilon);
        NDArray delta = m.mul(lr / correction1);
        delta.attach(scratch);
        w.subi(delta.divi(denom));
      }
    }
  }

  private NDArray moment(Map<String, NDArray> moments, String name, NDArray like) {
    return moments.computeIfAbsent(name, k -> manager.zeros(like.getShape(), like.getDataType()));
  }

  /** Number of updates done so far (the t of the bias correction). */
  public long step() {
    return step;
  }

  /** The moments for a checkpoint: name -> values, for "m/" and "v/" prefixed names. */
  public Map<String, float[]> exportMoments() {
    Map<String, float[]> out = new LinkedHashMap<>();
    firstMoments.forEach((k, a) -> out.put("m/" + k, a.toFloatArray()));
    secondMoments.forEach((k, a) -> out.put("v/" + k, a.toFloatArray()));
    return out;
  }

  /** Restores moments and the step counter written by {@link #exportMoments}. */
  public void restore(
      PairList<String, Parameter> parameters, Map<String, float[]> moments, long restoredStep) {
    firstMoments.values().forEach(NDArray::close);
    secondMoments.values().forEach(NDArray::close);
    firstMoments.clear();
    secondMoments.clear();
    for (Pair<String, Parameter> entry : parameters) {
      var shape = entry.getValue().getArray().getShape();
      float[] m = moments.get("m/" + entry.getKey());
      float[] v = moments.get("v/" + entry.getKey());
      if (m == null || v == null) {
        throw new IllegalArgumentException("checkpoint has no Adam moments for " + entry.getKey());
      }
      firstMoments.put(entry.getKey(), manager.create(m, shape));
      secondMoments.put(entry.getKey(), manager.create(v, shape));
    }
    this.step = restoredStep;
  }

  @Override
  public void close() {
    manager.close();
  }
}
