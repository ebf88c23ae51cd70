package org.ambiseg.train;

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
import java.util.SplittableRandom;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.junit.jupiter.api.Test;

/**
 * DJL's gradients of the ELBO against central finite differences, and the analytic KL against Monte
 * Carlo.
 */
class ElboGradientTest {

  private static final ProbUNetConfig CFG =
      new ProbUNetConfig(1, 2, new int[] {3, 4}, 1, 2, 2, -10f, 5f);

  @Test
  void elboGradientsMatchFiniteDifferences() {
    try (ProbUNetModel model = ProbUNetModel.create(CFG, 11, Device.cpu());
        NDManager m = model.manager().newSubManager()) {
      SplittableRandom r = new SplittableRandom(5);
      int b = 2;
      int hw = 8;
      float[] img = new float[b * hw * hw];
      float[] oneHot = new float[b * 2 * hw * hw];
      for (int i = 0; i < b * hw * hw; i++) {
        img[i] = (float) r.nextGaussian();
        int cls = r.nextInt(2);
        int bi = i / (hw * hw);
        int p = i % (hw * hw);
        oneHot[(bi * 2 + cls) * hw * hw + p] = 1f;
      }
      float[] eps = {0.3f, -1.1f, 0.7f, 0.2f};
      NDArray image = m.create(img, new Shape(b, 1, hw, hw));
      NDArray target = m.create(oneHot, new Shape(b, 2, hw, hw));
      NDArray noise = m.create(eps, new Shape(b, 2));
      ElboLoss elbo = new ElboLoss(1f);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(loss(model, elbo, image, target, noise));
      }
      int checked = 0;
      double worst = 0;
      for (Pair<String, Parameter> entry : model.block().getParameters()) {
        NDArray w = entry.getValue().getArray();
        double[] grad = toDoubles(w.getGradient().toFloatArray());
        // the element with the largest gradient of each parameter: well above float noise
        int idx = 0;
        for (int i = 1; i < grad.length; i++) {
          if (Math.abs(grad[i]) > Math.abs(grad[idx])) {
            idx = i;
          }
        }
        // float32 rounding of a loss of ~100 limits central differences to ~1e-3 absolute
        if (Math.abs(grad[idx]) < 0.5) {
          continue;
        }
        double[] values = toDoubles(w.toFloatArray());
        double h = 1e-2;
        double up = lossAt(model, elbo, image, target, noise, w, values, idx, values[idx] + h);
        double down = lossAt(model, elbo, image, target, noise, w, values, idx, values[idx] - h);
        w.set(FloatBuffer.wrap(toFloats(values)));
        double numeric = (up - down) / (2 * h);
        double rel =
            Math.abs(numeric - grad[idx]) / Math.max(Math.abs(numeric), Math.abs(grad[idx]));
        worst = Math.max(worst, rel);
        assertTrue(
            rel < 1e-2,
            entry.getKey()
                + ": analytic "
                + grad[idx]
                + " vs numeric "
                + numeric
                + " (relative error "
                + rel
                + ")");
        checked++;
      }
      assertTrue(checked >= 6, "only " + checked + " parameters had a usable gradient");
    }
  }

  private static NDArray loss(
      ProbUNetModel model, ElboLoss elbo, NDArray image, NDArray target, NDArray noise) {
    NDList out =
        model.block().forward(model.parameterStore(), new NDList(image, target, noise), true);
    return elbo.compute(out.get(0), target, out.get(1), out.get(2), out.get(3), out.get(4), 1f)
        .total();
  }

  private static double lossAt(
      ProbUNetModel model,
      ElboLoss elbo,
      NDArray image,
      NDArray target,
      NDArray noise,
      NDArray w,
      double[] values,
      int idx,
      double value) {
    double[] changed = values.clone();
    changed[idx] = value;
    w.set(FloatBuffer.wrap(toFloats(changed)));
    try (NDArray l = loss(model, elbo, image, target, noise)) {
      return l.getFloat();
    }
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

  @Test
  void analyticKlMatchesMonteCarlo() {
    float[] mq = {0.5f, -1f, 2f};
    float[] lsq = {-0.3f, 0.2f, -1f};
    float[] mp = {0f, 0.5f, 1.5f};
    float[] lsp = {0.1f, -0.2f, 0f};
    double analytic;
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray kl =
          ElboLoss.klDiagonalGaussians(m.create(mq), m.create(lsq), m.create(mp), m.create(lsp))
              .sum();
      analytic = kl.getFloat();
    }
    SplittableRandom r = new SplittableRandom(3);
    int n = 400_000;
    double sum = 0;
    for (int s = 0; s < n; s++) {
      double logRatio = 0;
      for (int l = 0; l < mq.length; l++) {
        double sq = Math.exp(lsq[l]);
        double sp = Math.exp(lsp[l]);
        double z = mq[l] + sq * r.nextGaussian();
        logRatio += logNormal(z, mq[l], sq) - logNormal(z, mp[l], sp);
      }
      sum += logRatio;
    }
    double monteCarlo = sum / n;
    assertEquals(
        analytic, monteCarlo, 0.02 * analytic, "analytic " + analytic + " vs MC " + monteCarlo);
  }

  private static double logNormal(double x, double mean, double sigma) {
    double d = (x - mean) / sigma;
    return -0.5 * d * d - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
  }
}
