package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prob U-Net's prior anchor: KL(p || N(0, I)) enters the loss with its weight, it is what makes
 * the latent scale cost something (the ELBO's KL does not), and the trainer reports it.
 */
class PriorAnchorTest {

  @Test
  void anchorAddsTheWeightedKlOfThePriorToTheStandardNormal() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray logits = m.create(new float[] {2f, -1f, 0.5f, 0.5f}, new Shape(1, 2, 1, 2));
      NDArray oneHot = m.create(new float[] {1f, 0f, 0f, 1f}, new Shape(1, 2, 1, 2));
      // prior N((1, 0), diag(1, 4)); posterior N((1, 0), diag(1, 4)), so KL(q || p) = 0
      NDArray mean = m.create(new float[] {1f, 0f}, new Shape(1, 2));
      NDArray logSigma = m.create(new float[] {0f, (float) Math.log(2)}, new Shape(1, 2));
      // KL(p || N(0, 1)) per dimension = -log s + (s^2 + m^2) / 2 - 1/2:
      // 0 + 1 - 0.5 = 0.5 and -log 2 + 2 - 0.5
      double anchorKl = 0.5 + (1.5 - Math.log(2));
      ElboLoss.Terms plain =
          new ElboLoss(1f).compute(logits, oneHot, mean, logSigma, mean, logSigma, 1f);
      ElboLoss.Terms anchored =
          new ElboLoss(1f, 0.1f).compute(logits, oneHot, mean, logSigma, mean, logSigma, 1f);
      assertNull(plain.anchor());
      assertEquals(0, anchored.kl().getFloat(), 1e-6);
      assertEquals(anchorKl, anchored.anchor().getFloat(), 1e-5);
      assertEquals(plain.total().getFloat() + 0.1 * anchorKl, anchored.total().getFloat(), 1e-5);
      assertThrows(IllegalArgumentException.class, () -> new ElboLoss(1f, -0.1f));
      assertThrows(IllegalArgumentException.class, () -> new ElboLoss(1f, Float.NaN));
    }
  }

  @Test
  void onlyTheAnchorChangesWhenTheLatentScaleIsRescaled() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray logits = m.create(new float[] {2f, -1f}, new Shape(1, 2, 1, 1));
      NDArray oneHot = m.create(new float[] {1f, 0f}, new Shape(1, 2, 1, 1));
      float[] meanQ = {1.5f, -0.5f};
      float[] logSigmaQ = {-1f, 0.2f};
      float[] meanP = {0.5f, 0.25f};
      float[] logSigmaP = {0.3f, -0.4f};
      ElboLoss elbo = new ElboLoss(1f, 1f);
      ElboLoss.Terms unit = terms(m, elbo, logits, oneHot, 1f, meanQ, logSigmaQ, meanP, logSigmaP);
      // every latent 100 times larger: means x 100, log sigmas + log 100
      ElboLoss.Terms large =
          terms(m, elbo, logits, oneHot, 100f, meanQ, logSigmaQ, meanP, logSigmaP);
      assertEquals(unit.kl().getFloat(), large.kl().getFloat(), 1e-3 * unit.kl().getFloat());
      assertTrue(
          large.anchor().getFloat() > 100 * unit.anchor().getFloat(),
          "anchor " + unit.anchor().getFloat() + " -> " + large.anchor().getFloat());
    }
  }

  @Test
  void trainerReportsTheAnchorAndOldRunFoldersReadAsOff(@TempDir Path tmp) throws Exception {
    TrainingConfig config = TinyTraining.probUNetConfig(3, 1f);
    List<StepResult> results;
    try (ProbUNetTrainable model =
        new ProbUNetTrainable(
            ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 7, Device.cpu()),
            config,
            Normalization.IDENTITY,
            KlWarmup.OFF,
            0.5f,
            0f)) {
      results = TinyTraining.stepResults(model, config, tmp);
    }
    assertEquals(3, results.size());
    for (StepResult r : results) {
      double anchor = r.terms().get("prior_anchor_kl");
      assertTrue(anchor > 0, r.terms().toString());
      assertEquals(
          r.terms().get("reconstruction") + r.terms().get("kl") + 0.5 * anchor,
          r.loss(),
          1e-4 * r.loss(),
          r.terms().toString());
    }
    String written =
        "{\"geco\":false,\"kappa\":0.05,\"decay\":0.99,\"rate\":0.01,\"topKFraction\":1.0,"
            + "\"klWarmupSteps\":10}";
    assertEquals(0.0, new Gson().fromJson(written, ObjectiveSettings.class).priorAnchor());
  }

  private static ElboLoss.Terms terms(
      NDManager m,
      ElboLoss elbo,
      NDArray logits,
      NDArray oneHot,
      float scale,
      float[] meanQ,
      float[] logSigmaQ,
      float[] meanP,
      float[] logSigmaP) {
    return elbo.compute(
        logits,
        oneHot,
        scaled(m, meanQ, scale, false),
        scaled(m, logSigmaQ, scale, true),
        scaled(m, meanP, scale, false),
        scaled(m, logSigmaP, scale, true),
        1f);
  }

  private static NDArray scaled(NDManager m, float[] values, float scale, boolean logSigma) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = logSigma ? values[i] + (float) Math.log(scale) : values[i] * scale;
    }
    return m.create(out, new Shape(1, values.length));
  }
}
