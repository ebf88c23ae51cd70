package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.google.gson.Gson;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prior-sample GED term: its value against hand-computed soft-IoU distances, that it (and not
 * the ELBO with beta 0) trains the prior net, and that the trainer draws its noise and reports it.
 */
class PriorSampleGedTest {

  /** Logits (bg, fg) per pixel giving the foreground probabilities {@code fg}, class-major. */
  private static float[] logitsFor(float[]... fgPerSample) {
    int pixels = fgPerSample[0].length;
    float[] out = new float[fgPerSample.length * 2 * pixels];
    for (int s = 0; s < fgPerSample.length; s++) {
      for (int i = 0; i < pixels; i++) {
        float p = fgPerSample[s][i];
        // softmax([0, log(p / (1 - p))])[1] = p; hard 0 and 1 as +-30
        float fg = p <= 0 ? -30f : p >= 1 ? 30f : (float) Math.log(p / (1 - p));
        out[s * 2 * pixels + pixels + i] = fg;
      }
    }
    return out;
  }

  private static float[] oneHotFor(float[]... fgPerImage) {
    int pixels = fgPerImage[0].length;
    float[] out = new float[fgPerImage.length * 2 * pixels];
    for (int b = 0; b < fgPerImage.length; b++) {
      for (int i = 0; i < pixels; i++) {
        out[b * 2 * pixels + i] = 1 - fgPerImage[b][i];
        out[b * 2 * pixels + pixels + i] = fgPerImage[b][i];
      }
    }
    return out;
  }

  @Test
  void hardMasksGiveTheEnergyDistanceOfTheirIouDistances() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      // image 0: rater {0, 1}; samples {0} and {0, 1, 2}
      //   d(S1, Y) = 1 - 2/3, d(S2, Y) = 1 - 3/4, d(S1, S2) = 1 - 2/4 -> 7/24 - 1/4 = 1/24
      // image 1: rater empty; samples empty and {2, 3}
      //   d(S1, Y) = 0, d(S2, Y) = 1 - 1/3, d(S1, S2) = 2/3 -> 1/3 - 1/3 = 0
      NDArray logits =
          m.create(
              logitsFor(
                  new float[] {1, 0, 0, 0},
                  new float[] {1, 1, 1, 0},
                  new float[] {0, 0, 0, 0},
                  new float[] {0, 0, 1, 1}),
              new Shape(4, 2, 1, 4));
      NDArray oneHot =
          m.create(
              oneHotFor(new float[] {1, 1, 0, 0}, new float[] {0, 0, 0, 0}), new Shape(2, 2, 1, 4));
      assertEquals(1.0 / 48, PriorSampleGed.compute(logits, oneHot, 2).getFloat(), 1e-6);
    }
  }

  @Test
  void softProbabilitiesEnterTheOverlapsAsProducts() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      // rater {0}; samples (0.5, 0.5) and (0.8, 0.2):
      //   d(S1, Y) = 1 - 1.5/2.5 = 0.4, d(S2, Y) = 1 - 1.8/2.2, d(S1, S2) = 1 - 1.5/2.5 = 0.4
      NDArray logits =
          m.create(
              logitsFor(new float[] {0.5f, 0.5f}, new float[] {0.8f, 0.2f}), new Shape(2, 2, 1, 2));
      NDArray oneHot = m.create(oneHotFor(new float[] {1, 0}), new Shape(1, 2, 1, 2));
      double expected = (0.4 + (1 - 1.8 / 2.2)) / 2 - 0.5 * 0.4;
      assertEquals(expected, PriorSampleGed.compute(logits, oneHot, 2).getFloat(), 1e-6);
      NDArray identical = m.create(logitsFor(new float[] {1, 0}, new float[] {1, 0}));
      assertEquals(
          0,
          PriorSampleGed.compute(identical.reshape(2, 2, 1, 2), oneHot, 2).getFloat(),
          1e-6,
          "samples that all equal the rater's mask");
      assertThrows(IllegalArgumentException.class, () -> PriorSampleGed.compute(logits, oneHot, 3));
      assertThrows(IllegalArgumentException.class, () -> new PriorSampleGed(-1f));
      assertThrows(IllegalArgumentException.class, () -> new PriorSampleGed(Float.NaN));
    }
  }

  @Test
  void theTermTrainsThePriorNetWhereTheElboWithoutKlCannot() {
    assertEquals(0.0, priorGradientNorm(false), "beta 0: no gradient reaches the prior");
    assertTrue(priorGradientNorm(true) > 1e-6, "the prior GED term reaches the prior net");
  }

  /** Norm of the prior net's gradient from the reconstruction (+ the GED term when asked). */
  private static double priorGradientNorm(boolean withGed) {
    ProbUNetConfig cfg = ProbUNetConfig.PROBUNET_TINY;
    int latent = cfg.latentDim();
    int k = PriorSampleGed.SAMPLES;
    try (ProbUNetModel model = ProbUNetModel.create(cfg, 3, Device.cpu());
        NDManager m = model.manager().newSubManager()) {
      NDArray image = m.randomUniform(0, 1, new Shape(2, 1, 16, 16));
      NDArray mask =
          m.randomUniform(0, 1, new Shape(2, 1, 16, 16)).gt(0.5).toType(image.getDataType(), false);
      NDArray oneHot = NDArrays.concat(new NDList(mask.neg().add(1f), mask), 1);
      NDList inputs = new NDList(image, oneHot, m.randomNormal(new Shape(2, latent)));
      inputs.add(m.randomNormal(new Shape(2L * k, latent)));
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDList out = model.block().forward(model.parameterStore(), inputs, true);
        assertEquals(new Shape(2L * k, 2, 16, 16), out.get(5).getShape());
        NDArray loss =
            new ElboLoss(0f)
                .compute(out.get(0), oneHot, out.get(1), out.get(2), out.get(3), out.get(4), 1f)
                .total();
        if (withGed) {
          loss = loss.add(PriorSampleGed.compute(out.get(5), oneHot, k).mul(100f));
        }
        gc.backward(loss);
      }
      double sum = 0;
      for (var p : model.block().getParameters()) {
        if (p.getKey().contains("prior") && p.getValue().getArray().hasGradient()) {
          for (float g : p.getValue().getArray().getGradient().toFloatArray()) {
            sum += g * g;
          }
        }
      }
      return Math.sqrt(sum);
    }
  }

  @Test
  void trainerDrawsNoiseForThePriorSamplesAndReportsTheTerm(@TempDir Path tmp) throws Exception {
    TrainingConfig config = TinyTraining.probUNetConfig(3, 1f);
    List<StepResult> results;
    int latent = ProbUNetConfig.PROBUNET_TINY.latentDim();
    try (ProbUNetTrainable model =
        new ProbUNetTrainable(
            ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 7, Device.cpu()),
            config,
            Normalization.IDENTITY,
            KlWarmup.OFF,
            0f,
            2f)) {
      assertEquals(latent * (1 + PriorSampleGed.SAMPLES), model.noisePerImage());
      results = TinyTraining.stepResults(model, config, tmp);
    }
    assertEquals(3, results.size());
    for (StepResult r : results) {
      double ged = r.terms().get("prior_ged");
      assertTrue(ged > -0.5 && ged < 1, r.terms().toString());
      assertEquals(
          r.terms().get("reconstruction") + r.terms().get("kl") + 2 * ged,
          r.loss(),
          1e-4 * r.loss(),
          r.terms().toString());
    }
    String written =
        "{\"geco\":false,\"kappa\":0.05,\"decay\":0.99,\"rate\":0.01,\"topKFraction\":1.0,"
            + "\"priorAnchor\":0.5}";
    assertEquals(0.0, new Gson().fromJson(written, ObjectiveSettings.class).priorGed());
  }
}
