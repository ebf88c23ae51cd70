package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ambiseg.model.HpuNetConfig;
import org.ambiseg.model.HpuNetModel;
import org.ambiseg.model.Normalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coarse-to-fine latent-scale curriculum and the KL warm-up: schedules, what the decoder sees,
 * and the wiring through the trainer.
 */
class ScaleCurriculumTest {

  private static final HpuNetConfig CFG = HpuNetConfig.HPUNET_TINY;

  @Test
  void unlocksOneScaleEveryStepsPerScaleAndOffMeansAllScales() {
    ScaleCurriculum c = new ScaleCurriculum(500);
    assertEquals(1, c.activeScales(0, 4));
    assertEquals(1, c.activeScales(499, 4));
    assertEquals(2, c.activeScales(500, 4));
    assertEquals(3, c.activeScales(1499, 4));
    assertEquals(4, c.activeScales(1500, 4));
    assertEquals(4, c.activeScales(100_000, 4));
    assertEquals(1500, c.allActiveFrom(4));
    assertEquals(1501, c.firstCompleteStep(4));
    assertEquals(0, ScaleCurriculum.OFF.firstCompleteStep(4));
    assertEquals(4, ScaleCurriculum.OFF.activeScales(0, 4));
    assertThrows(IllegalArgumentException.class, () -> new ScaleCurriculum(-1));
  }

  @Test
  void klWarmupRisesLinearlyToOne() {
    KlWarmup w = new KlWarmup(1000);
    assertEquals(0f, w.weight(0));
    assertEquals(0.25f, w.weight(250), 1e-6);
    assertEquals(1f, w.weight(1000));
    assertEquals(1f, w.weight(5000));
    assertEquals(1f, KlWarmup.OFF.weight(0));
    assertThrows(IllegalArgumentException.class, () -> new KlWarmup(-1));
  }

  @Test
  void oldRunFoldersReadAsNoCurriculum() {
    String written =
        "{\"geco\":false,\"kappa\":0.05,\"decay\":0.99,\"rate\":0.01,\"topKFraction\":1.0,"
            + "\"freeBits\":1.0}";
    ObjectiveSettings read = new Gson().fromJson(written, ObjectiveSettings.class);
    assertEquals(ScaleCurriculum.OFF, read.curriculum());
    assertEquals(KlWarmup.OFF, read.klWarmup());
    assertEquals(
        250,
        new Gson()
            .fromJson(new Gson().toJson(withCurriculum(250)), ObjectiveSettings.class)
            .stepsPerScale());
  }

  private static ObjectiveSettings withCurriculum(int steps) {
    return new ObjectiveSettings(false, 0.05f, 0.99f, 1e-2f, 1.0, 0, steps, 0, 0, 0);
  }

  /** Logits of the training pass for a fixed image and mask, with the given noise per scale. */
  private static float[] logits(HpuNetModel model, List<NDArray> eps, int active, NDArray[] in) {
    return model
        .block()
        .forwardTraining(model.parameterStore(), in[0], in[1], eps, active, false)
        .logits()
        .toFloatArray();
  }

  private static double largestDifference(float[] a, float[] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      worst = Math.max(worst, Math.abs(a[i] - b[i]));
    }
    return worst;
  }

  @Test
  void inactiveScalesDoNotReachTheDecoderAndActiveOnesDo() {
    try (HpuNetModel model = HpuNetModel.create(CFG, 3, Device.cpu());
        NDManager m = model.manager().newSubManager()) {
      int b = 2;
      NDArray[] in = {
        m.randomUniform(0, 1, new Shape(b, 1, 16, 16)), m.zeros(new Shape(b, 2, 16, 16))
      };
      List<NDArray> eps = new ArrayList<>();
      List<NDArray> otherFine = new ArrayList<>();
      List<NDArray> otherCoarse = new ArrayList<>();
      for (int s = 0; s < CFG.scales(); s++) {
        Shape shape = model.block().latentShape(s, b, 16, 16);
        eps.add(m.randomNormal(shape));
        otherFine.add(s == 0 ? eps.get(0) : m.randomNormal(shape).mul(3));
        otherCoarse.add(s == 0 ? m.randomNormal(shape).mul(3) : eps.get(s));
      }
      float[] base = logits(model, eps, 1, in);
      assertEquals(0, largestDifference(base, logits(model, otherFine, 1, in)), 1e-6);
      assertTrue(largestDifference(base, logits(model, otherCoarse, 1, in)) > 1e-4);
      float[] all = logits(model, eps, CFG.scales(), in);
      assertTrue(largestDifference(all, logits(model, otherFine, CFG.scales(), in)) > 1e-4);
    }
  }

  @Test
  void trainerUnlocksTheScalesOnScheduleAndEveryKlIsLogged(@TempDir Path tmp) throws Exception {
    List<StepResult> results;
    TrainingConfig config =
        new TrainingConfig(
            "hpunet",
            "hpunet-tiny",
            4,
            3,
            3e-3f,
            new double[0],
            1f,
            1f,
            1e-5f,
            100,
            9,
            true,
            2,
            0,
            2,
            0.0,
            0,
            4);
    try (HpuNetTrainable model =
        new HpuNetTrainable(
            HpuNetModel.create(CFG, 9, Device.cpu()),
            config,
            Normalization.IDENTITY,
            null,
            1.0,
            0,
            new ScaleCurriculum(2),
            new KlWarmup(2),
            16,
            16)) {
      results = TinyTraining.stepResults(model, config, tmp);
    }
    assertEquals(4, results.size());
    for (int step = 0; step < 4; step++) {
      var terms = results.get(step).terms();
      assertTrue(terms.containsKey("kl0") && terms.containsKey("kl1"), terms.toString());
      // the ELBO with beta 1: reconstruction + weight x (KL of every scale, active or not)
      double weight = Math.min(1, step / 2.0);
      assertEquals(
          terms.get("reconstruction") + weight * (terms.get("kl0") + terms.get("kl1")),
          results.get(step).loss(),
          1e-3 * results.get(step).loss(),
          terms.toString());
      if (step < 2) {
        assertEquals(1.0, terms.get("active_scales"), "step " + step);
        assertEquals(step / 2.0, terms.get("kl_weight"), 1e-6, "step " + step);
      } else {
        assertFalse(terms.containsKey("active_scales"), "step " + step + ": " + terms);
        assertFalse(terms.containsKey("kl_weight"), "step " + step + ": " + terms);
      }
    }
  }
}
