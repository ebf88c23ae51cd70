package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ambiseg.model.MoseConfig;
import org.ambiseg.model.MoseModel;
import org.ambiseg.model.ProbUNetConfig;
import org.junit.jupiter.api.Test;

/**
 * MoSE's loss: the pixel-summed cross-entropy costs against a hand computation, the plans'
 * marginals, and DJL's gradients (with the plans held constant, as in training) against central
 * finite differences.
 */
class MoseObjectiveTest {

  private static final MoseConfig CFG =
      new MoseConfig(new ProbUNetConfig(1, 2, new int[] {3, 4}, 1, 2, 2, -10f, 5f), 2);
  private static final MoseSettings SETTINGS = new MoseSettings(2, true, 0.05, 100, 1f, 0);
  private static final int B = 2;
  private static final int HW = 8;
  private static final int RATERS = 3;

  @Test
  void costsArePixelSummedCrossEntropies() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      // one image, two predictions of 2 pixels, two targets
      float[] logits = {0f, 0f, 1f, -2f, 2f, 0f, 0f, 3f};
      float[] targets = {1f, 0f, 0f, 1f};
      NDArray costs =
          MoseObjective.costs(
              m.create(logits, new Shape(2, 2, 1, 2)), m.create(targets, new Shape(1, 2, 2)), 1);
      float[] c = costs.toFloatArray();
      for (int s = 0; s < 2; s++) {
        for (int r = 0; r < 2; r++) {
          double expected = 0;
          for (int p = 0; p < 2; p++) {
            double l0 = logits[s * 4 + p];
            double l1 = logits[s * 4 + 2 + p];
            double logP1 = l1 - Math.log(Math.exp(l0) + Math.exp(l1));
            double logP0 = l0 - Math.log(Math.exp(l0) + Math.exp(l1));
            expected -= targets[r * 2 + p] == 1f ? logP1 : logP0;
          }
          assertEquals(expected, c[s * 2 + r], 1e-5, "cost " + s + "," + r);
        }
      }
    }
  }

  @Test
  void expertsAreAnchoredApartOnTheFirstLatentAxis() {
    MoseSettings spaced = new MoseSettings(1, true, 0.05, 100, 1f, 3.0);
    assertArrayEquals(new float[] {-4.5f, -1.5f, 1.5f, 4.5f}, spaced.anchors(4, 1));
    assertArrayEquals(new float[] {-1.5f, 0f, 1.5f, 0f}, spaced.anchors(2, 2));
    assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, SETTINGS.anchors(2, 2));
  }

  @Test
  void klIsZeroAtTheAnchorsAndHalfTheSquaredDistanceAtTheOrigin() {
    MoseSettings spaced = new MoseSettings(2, true, 0.05, 100, 1f, 3.0);
    try (MoseModel model = MoseModel.create(CFG, 11, Device.cpu());
        NDManager m = model.manager().newSubManager()) {
      MoseObjective objective = new MoseObjective(model, spaced, 1f, null, 100);
      NDArray costs = m.zeros(new Shape(1, 4, 1));
      MoseObjective.Plans plans = new MoseObjective.Plans(new float[4], new float[] {0.5f, 0.5f});
      NDArray logSigma = m.zeros(new Shape(1, 2, 2));
      NDArray gate = m.zeros(new Shape(1, 2));
      NDArray atAnchors = m.create(spaced.anchors(2, 2), new Shape(1, 2, 2));
      NDList anchored = new NDList(costs, atAnchors, logSigma, gate);
      assertEquals(0f, objective.loss(costs, anchored, plans).kl().getFloat(), 1e-6f);
      NDList origin = new NDList(costs, m.zeros(new Shape(1, 2, 2)), logSigma, gate);
      // two experts 1.5 from their anchors: 2 * 1.5^2 / 2
      assertEquals(2.25f, objective.loss(costs, origin, plans).kl().getFloat(), 1e-5f);
    }
  }

  @Test
  void gradientsMatchFiniteDifferencesWithThePlanHeldConstant() {
    try (MoseModel model = MoseModel.create(CFG, 11, Device.cpu());
        NDManager m = model.manager().newSubManager()) {
      MoseObjective objective = new MoseObjective(model, SETTINGS, 1f, null, 100);
      SplittableRandom r = new SplittableRandom(5);
      float[] img = new float[B * HW * HW];
      float[] target = new float[B * RATERS * HW * HW];
      for (int i = 0; i < img.length; i++) {
        img[i] = (float) r.nextGaussian();
      }
      for (int i = 0; i < target.length; i++) {
        target[i] = r.nextDouble() < 0.9 ? 1 : 0; // skewed: far from the initial p = 0.5
      }
      float[] eps = new float[B * 2 * 2 * 2];
      for (int i = 0; i < eps.length; i++) {
        eps[i] = (float) r.nextGaussian();
      }
      NDArray image = m.create(img, new Shape(B, 1, HW, HW));
      NDArray targets = m.create(target, new Shape(B, RATERS, HW * HW));
      NDArray noise = m.create(eps, objective.noiseShape(B));
      int[] counts = {RATERS, 2}; // the second image uses only two of the rater slots
      MoseObjective.Plans plans;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDList out = model.block().forward(model.parameterStore(), new NDList(image, noise), true);
        NDArray costs = MoseObjective.costs(out.get(0), targets, B);
        plans = objective.plans(costs, out.get(3), counts);
        gc.backward(objective.loss(costs, out, plans).total());
      }
      checkPlans(plans, counts);
      int checked = 0;
      List<Double> errors = new ArrayList<>();
      for (Pair<String, Parameter> entry : model.block().getParameters()) {
        NDArray w = entry.getValue().getArray();
        double[] grad = toDoubles(w.getGradient().toFloatArray());
        int idx = 0;
        for (int i = 1; i < grad.length; i++) {
          if (Math.abs(grad[i]) > Math.abs(grad[idx])) {
            idx = i;
          }
        }
        // float32 rounding of a loss of ~50 limits central differences to ~2e-4 absolute
        if (Math.abs(grad[idx]) < 0.03) {
          continue;
        }
        double[] values = toDoubles(w.toFloatArray());
        double h = 3e-3;
        double up = lossAt(model, objective, image, targets, noise, plans, w, values, idx, h);
        double down = lossAt(model, objective, image, targets, noise, plans, w, values, idx, -h);
        w.set(FloatBuffer.wrap(toFloats(values)));
        double numeric = (up - down) / (2 * h);
        double rel =
            Math.abs(numeric - grad[idx]) / Math.max(Math.abs(numeric), Math.abs(grad[idx]));
        errors.add(rel);
        // ReLU kinks crossed by the step bound the agreement for inner biases (~2 %)
        assertTrue(
            rel < 3e-2, entry.getKey() + ": analytic " + grad[idx] + " vs numeric " + numeric);
        checked++;
      }
      assertTrue(checked >= 6, "only " + checked + " parameters had a usable gradient");
      errors.sort(null);
      assertTrue(errors.get(errors.size() / 2) < 5e-3, "median relative error " + errors);
    }
  }

  /** Column sums 1 / R per used slot, zero in unused ones; gate targets sum to 1 per image. */
  private static void checkPlans(MoseObjective.Plans plans, int[] counts) {
    int samples = 4;
    for (int b = 0; b < B; b++) {
      double gateSum = plans.gateTargets()[b * 2] + plans.gateTargets()[b * 2 + 1];
      assertEquals(1, gateSum, 1e-5);
      for (int j = 0; j < RATERS; j++) {
        double column = 0;
        for (int i = 0; i < samples; i++) {
          column += plans.transport()[(b * samples + i) * RATERS + j];
        }
        assertEquals(j < counts[b] ? 1.0 / counts[b] : 0, column, 1e-5, "column " + j);
      }
    }
  }

  private static double lossAt(
      MoseModel model,
      MoseObjective objective,
      NDArray image,
      NDArray targets,
      NDArray noise,
      MoseObjective.Plans plans,
      NDArray w,
      double[] values,
      int idx,
      double delta) {
    double[] changed = values.clone();
    changed[idx] += delta;
    w.set(FloatBuffer.wrap(toFloats(changed)));
    NDList out = model.block().forward(model.parameterStore(), new NDList(image, noise), false);
    NDArray costs = MoseObjective.costs(out.get(0), targets, B);
    double loss = objective.loss(costs, out, plans).total().getFloat();
    out.close();
    return loss;
  }

  private static double[] toDoubles(float[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  private static float[] toFloats(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}
