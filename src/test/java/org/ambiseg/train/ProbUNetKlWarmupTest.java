package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prob U-Net's KL warm-up: beta &times; KL enters the loss with the warm-up's weight. */
class ProbUNetKlWarmupTest {

  @Test
  void elboWeighsTheKlByBetaTimesTheWarmupWeight() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray logits = m.create(new float[] {2f, -1f, 0.5f, 0.5f}, new Shape(1, 2, 1, 2));
      NDArray oneHot = m.create(new float[] {1f, 0f, 0f, 1f}, new Shape(1, 2, 1, 2));
      // KL(N(1, 1) || N(0, 1)) = 0.5 nats
      NDArray meanQ = m.create(new float[] {1f}, new Shape(1, 1));
      NDArray zero = m.zeros(new Shape(1, 1));
      // pixel 0 is class 0 (logits 2 vs 0.5), pixel 1 class 1 (logits -1 vs 0.5)
      double ce = Math.log1p(Math.exp(0.5 - 2)) + Math.log1p(Math.exp(-1 - 0.5));
      ElboLoss elbo = new ElboLoss(4f);
      ElboLoss.Terms full = elbo.compute(logits, oneHot, meanQ, zero, zero, zero, 1f);
      ElboLoss.Terms half = elbo.compute(logits, oneHot, meanQ, zero, zero, zero, 0.5f);
      ElboLoss.Terms none = elbo.compute(logits, oneHot, meanQ, zero, zero, zero, 0f);
      assertEquals(ce, full.reconstruction().getFloat(), 1e-5);
      assertEquals(0.5, full.kl().getFloat(), 1e-6);
      assertEquals(ce + 4 * 0.5, full.total().getFloat(), 1e-5);
      assertEquals(ce + 0.5 * 4 * 0.5, half.total().getFloat(), 1e-5);
      assertEquals(ce, none.total().getFloat(), 1e-5);
      assertEquals(0.5, none.kl().getFloat(), 1e-6, "the KL is still reported at weight 0");
      assertThrows(
          IllegalArgumentException.class,
          () -> elbo.compute(logits, oneHot, meanQ, zero, zero, zero, 1.5f));
    }
  }

  @Test
  void trainerRampsTheKlWeightFromZeroToBeta(@TempDir Path tmp) throws Exception {
    float beta = 3f;
    TrainingConfig config = TinyTraining.probUNetConfig(5, beta);
    List<StepResult> results;
    try (ProbUNetTrainable model =
        new ProbUNetTrainable(
            ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 7, Device.cpu()),
            config,
            Normalization.IDENTITY,
            new KlWarmup(4),
            0f,
            0f)) {
      results = TinyTraining.stepResults(model, config, tmp);
    }
    assertEquals(5, results.size());
    for (int step = 0; step < 5; step++) {
      StepResult r = results.get(step);
      double weight = Math.min(1, step / 4.0);
      double kl = r.terms().get("kl");
      assertTrue(kl > 0, "step " + step + ": " + r.terms());
      assertEquals(
          r.terms().get("reconstruction") + weight * beta * kl,
          r.loss(),
          1e-4 * r.loss(),
          "step " + step + ": " + r.terms());
      if (step < 4) {
        assertEquals(weight, r.terms().get("kl_weight"), 1e-6, "step " + step);
      } else {
        assertFalse(r.terms().containsKey("kl_weight"), "step " + step + ": " + r.terms());
      }
    }
  }
}
