package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.Case;
import org.ambiseg.model.HpuNetConfig;
import org.ambiseg.model.HpuNetModel;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TensorBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HPU-Net training with GECO and top-k reconstruction: learns, logs per-scale KL, resumes exactly.
 */
class HpuNetTrainingTest {

  private static final HpuNetConfig CFG = HpuNetConfig.HPUNET_TINY;
  private static final List<Case> CASES = TinyCases.make(6, 16, 5);

  private static TrainingConfig config(int steps) {
    return new TrainingConfig(
        "hpunet",
        "hpunet-tiny",
        steps,
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
  }

  private static HpuNetTrainable trainable(int steps) {
    return trainable(steps, 0.5);
  }

  private static HpuNetTrainable trainable(int steps, double topK) {
    return new HpuNetTrainable(
        HpuNetModel.create(CFG, 9, Device.cpu()),
        config(steps),
        Normalization.IDENTITY,
        new GecoConstraint(0.05f, 0.9f, 1e-2f),
        topK,
        0,
        ScaleCurriculum.OFF,
        KlWarmup.OFF,
        16,
        16);
  }

  private static Trainer trainer(
      HpuNetTrainable model,
      int steps,
      Path dir,
      TrainingControl control,
      List<TrainingListener> listeners) {
    BatchSampler sampler =
        new BatchSampler(
            new TrainingSet(CASES),
            3,
            model.noisePerImage(),
            model.uniformsPerImage(),
            9,
            new Augmentation(true, 2),
            new float[] {0f, 1f});
    return new Trainer(
        model, sampler, config(steps), new JsonObject(), dir, null, listeners, control);
  }

  @Test
  void trainingReducesTheReconstructionAndReportsEveryScale(@TempDir Path tmp) throws Exception {
    StepRecorder record = new StepRecorder();
    List<StepResult> results = record.results();
    // all pixels: a top-k error always scores the hardest pixels and falls slowly
    try (HpuNetTrainable model = trainable(80, 1.0)) {
      assertEquals(
          TrainingOutcome.FINISHED,
          trainer(model, 80, tmp, new TrainingControl(), List.of(record)).run(false));
    }
    assertTrue(
        results.get(0).terms().containsKey("kl0")
            && results.get(0).terms().containsKey("kl1")
            && results.get(0).terms().containsKey("geco_lambda"));
    double first = 0;
    double last = 0;
    for (int i = 0; i < 5; i++) {
      first += results.get(i).terms().get("reconstruction");
      last += results.get(results.size() - 1 - i).terms().get("reconstruction");
    }
    assertTrue(last < 0.8 * first, "reconstruction " + first / 5 + " -> " + last / 5);
  }

  @Test
  void resumedRunMatchesUninterruptedRunIncludingGecoState(@TempDir Path tmp) throws Exception {
    Map<String, TensorBundle.Tensor> uninterrupted;
    double lambda;
    try (HpuNetTrainable model = trainable(6)) {
      trainer(model, 6, tmp.resolve("a"), new TrainingControl(), List.of()).run(false);
      uninterrupted = model.exportParameters().tensors();
      lambda = model.exportState().metadata().get("gecoMultiplier").getAsDouble();
    }
    try (HpuNetTrainable model = trainable(6)) {
      TrainingControl control = new TrainingControl();
      TrainingListener stopAt3 =
          new TrainingListener() {
            @Override
            public void onStep(long step, StepResult r, float lr, double rate) {
              if (step == 3) {
                control.stop();
              }
            }
          };
      trainer(model, 6, tmp.resolve("b"), control, List.of(stopAt3)).run(false);
    }
    try (HpuNetTrainable model = trainable(6)) {
      trainer(model, 6, tmp.resolve("b"), new TrainingControl(), List.of()).run(true);
      assertEquals(
          lambda, model.exportState().metadata().get("gecoMultiplier").getAsDouble(), 1e-9);
      double worst = 0;
      for (var e : uninterrupted.entrySet()) {
        float[] a = e.getValue().values();
        float[] b = model.exportParameters().tensors().get(e.getKey()).values();
        for (int i = 0; i < a.length; i++) {
          worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
      }
      assertTrue(worst < 1e-5, "largest parameter difference " + worst);
    }
  }
}
