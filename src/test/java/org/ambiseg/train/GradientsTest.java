package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.PairList;
import org.junit.jupiter.api.Test;

/**
 * Global-norm clipping: the norm of known gradients, clipping to the limit, and a finite gradient
 * too large for a float32 sum of squares (1e20, as a collapsing prior sigma produced in an HPU-Net
 * run) is measured and clipped instead of being taken for a NaN.
 */
class GradientsTest {

  private static PairList<String, Parameter> parameters(NDManager m, float[]... gradients) {
    PairList<String, Parameter> list = new PairList<>();
    for (int i = 0; i < gradients.length; i++) {
      Parameter p = Parameter.builder().setName("p" + i).setType(Parameter.Type.WEIGHT).build();
      NDArray w = m.zeros(new Shape(gradients[i].length));
      w.setRequiresGradient(true);
      p.setArray(w);
      list.add(p.getName(), p);
    }
    // the gradient of sum_i <w_i, g_i> with respect to w_i is g_i
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray loss = null;
      for (int i = 0; i < gradients.length; i++) {
        NDArray term = list.get(i).getValue().getArray().mul(m.create(gradients[i])).sum();
        loss = loss == null ? term : loss.add(term);
      }
      collector.backward(loss);
    }
    return list;
  }

  private static float[] gradient(Parameter p) {
    try (NDArray g = p.getArray().getGradient()) {
      return g.toFloatArray();
    }
  }

  @Test
  void normOfKnownGradientsAndClippingToTheLimit() {
    try (NDManager m = NDManager.newBaseManager()) {
      var ps = parameters(m, new float[] {3, 0}, new float[] {0, 4});
      assertEquals(5, Gradients.clipByGlobalNorm(ps, 10), 1e-6);
      assertArrayEquals(
          new float[] {3, 0}, gradient(ps.get(0).getValue()), 1e-6f, "under the limit");
      assertEquals(5, Gradients.clipByGlobalNorm(ps, 1), 1e-6);
      assertArrayEquals(new float[] {0.6f, 0}, gradient(ps.get(0).getValue()), 1e-5f);
      assertArrayEquals(new float[] {0, 0.8f}, gradient(ps.get(1).getValue()), 1e-5f);
    }
  }

  @Test
  void aHugeFiniteGradientIsMeasuredAndClipped() {
    try (NDManager m = NDManager.newBaseManager()) {
      var ps = parameters(m, new float[] {1e20f, -1e20f}, new float[] {1f});
      double norm = Gradients.clipByGlobalNorm(ps, 100);
      assertEquals(Math.sqrt(2) * 1e20, norm, 1e14);
      float[] g = gradient(ps.get(0).getValue());
      assertEquals(100 / Math.sqrt(2), g[0], 1e-3);
      assertTrue(Float.isFinite(gradient(ps.get(1).getValue())[0]));
      var nan = parameters(m, new float[] {Float.NaN});
      assertTrue(Double.isNaN(Gradients.clipByGlobalNorm(nan, 100)), "a NaN stays a NaN");
    }
  }
}
