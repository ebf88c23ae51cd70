package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The analytic KL and the log-sigma clamp whose gradient passes through. */
class GaussiansTest {

  @Test
  void klOfKnownGaussians() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      // KL(N(1, e^-2) || N(0, 1)) = 0 + 1 + (e^-2 + 1) / 2 - 1/2 per element
      NDArray kl =
          Gaussians.kl(
              m.create(new float[] {1f, 0f}),
              m.create(new float[] {-1f, 0f}),
              m.zeros(new Shape(2)),
              m.zeros(new Shape(2)));
      float[] v = kl.toFloatArray();
      assertEquals(1 + (Math.exp(-2) + 1) / 2 - 0.5, v[0], 1e-6);
      assertEquals(0, v[1], 1e-7);
    }
  }

  @Test
  void plainClampHasNoGradientOutsideItsRange() {
    assertArrayEquals(new float[] {0f, 2f, 3f, 4f, 0f}, clampGradients(false));
  }

  @Test
  void straightThroughClampLimitsValuesButPassesTheGradient() {
    assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f}, clampGradients(true));
  }

  /**
   * The gradient of sum(w * clamp(x)) on x for values below, inside and above [-10, 5] and weights
   * w = 1..5, after checking that the forward values are clamped either way.
   */
  private static float[] clampGradients(boolean through) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray raw = m.create(new float[] {-14f, -3.25f, 0f, 2.5f, 9f});
      raw.setRequiresGradient(true);
      NDArray clamped;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        clamped = Gaussians.clampLogSigma(raw, -10f, 5f, through);
        gc.backward(clamped.mul(m.create(new float[] {1f, 2f, 3f, 4f, 5f})).sum());
      }
      assertArrayEquals(new float[] {-10f, -3.25f, 0f, 2.5f, 5f}, clamped.toFloatArray());
      return raw.getGradient().toFloatArray();
    }
  }

  @Test
  void throughTheStraightThroughClampTheKlPullsAPosteriorSigmaBack() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      // a posterior log sigma far below the lower bound, against a standard normal prior
      NDArray rawLogSigma = m.create(new float[] {-14f});
      rawLogSigma.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logSigma = Gaussians.clampLogSigma(rawLogSigma, -10f, 5f, true);
        NDArray zero = m.zeros(logSigma.getShape());
        gc.backward(Gaussians.kl(zero, logSigma, zero, zero).sum());
      }
      // dKL/dlog s_q = -1 + s_q^2 at the clamped value: minimising the KL raises log sigma
      float grad = rawLogSigma.getGradient().getFloat();
      assertEquals(-1 + Math.exp(-20), grad, 1e-6);
      assertTrue(grad < 0);
    }
  }

  @Test
  void theProbUNetPriorFollowsTheClampSetting() {
    String old = System.getProperty(Gaussians.GRADIENT_PROPERTY);
    try {
      System.clearProperty(Gaussians.GRADIENT_PROPERTY);
      for (float g : priorLogSigmaGradients()) {
        assertEquals(0f, g, "the default plain clamp stops the gradient");
      }
      System.setProperty(Gaussians.GRADIENT_PROPERTY, "through");
      for (float g : priorLogSigmaGradients()) {
        // d KL / d log s_p = 1 - (s_q^2 + diff^2) / s_p^2 > 0: the KL pulls the log sigma down
        assertTrue(g > 0.5, "straight-through: gradient of a prior log sigma " + g);
      }
    } finally {
      if (old == null) {
        System.clearProperty(Gaussians.GRADIENT_PROPERTY);
      } else {
        System.setProperty(Gaussians.GRADIENT_PROPERTY, old);
      }
    }
  }

  /** The KL's gradient on the prior head's log-sigma biases, set far above the upper bound. */
  private static float[] priorLogSigmaGradients() {
    ProbUNetConfig cfg = ProbUNetConfig.PROBUNET_TINY;
    int latent = cfg.latentDim();
    try (ProbUNetModel model = ProbUNetModel.create(cfg, 3, Device.cpu());
        NDManager m = model.manager().newSubManager()) {
      NDArray bias = null;
      for (var p : model.block().getParameters()) {
        if (p.getKey().contains("prior")
            && p.getKey().contains("head")
            && p.getKey().endsWith("bias")) {
          bias = p.getValue().getArray();
        }
      }
      assertTrue(bias != null, "the prior head's bias");
      // push the prior's log sigma far above the upper bound of 5
      float[] b = new float[2 * latent];
      for (int l = latent; l < 2 * latent; l++) {
        b[l] = 40f;
      }
      bias.set(java.nio.FloatBuffer.wrap(b));
      NDArray image = m.randomUniform(0, 1, new Shape(2, 1, 16, 16));
      NDArray oneHot =
          NDArrays.concat(
              new NDList(m.ones(new Shape(2, 1, 16, 16)), m.zeros(new Shape(2, 1, 16, 16))), 1);
      NDArray eps = m.zeros(new Shape(2, latent));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDList out =
            model.block().forward(model.parameterStore(), new NDList(image, oneHot, eps), true);
        assertEquals(5f, out.get(4).max().getFloat(), 1e-6, "the forward pass is clamped");
        gc.backward(Gaussians.kl(out.get(1), out.get(2), out.get(3), out.get(4)).sum());
      }
      float[] grad = bias.getGradient().toFloatArray();
      return java.util.Arrays.copyOfRange(grad, latent, 2 * latent);
    }
  }
}
