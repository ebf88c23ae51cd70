package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.Case;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.TensorBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped and resumed at step k ends with the same parameters as an uninterrupted one. */
class TrainerResumeTest {

  private static final ProbUNetConfig CFG = ProbUNetConfig.PROBUNET_TINY;
  private static final List<Case> CASES = TinyCases.make(6, 16, 3);

  private static TrainingConfig config() {
    return new TrainingConfig(
        "probunet",
        "probunet-tiny",
        8,
        3,
        1e-3f,
        new double[] {0.5},
        0.5f,
        1f,
        1e-5f,
        100,
        42,
        true,
        2,
        0,
        2,
        0.0,
        0,
        4);
  }

  private static ProbUNetTrainable trainable() {
    return new ProbUNetTrainable(
        ProbUNetModel.create(CFG, 42, Device.cpu()), config(), Normalization.IDENTITY);
  }

  private static Trainer trainer(
      TrainableModel model, Path dir, TrainingControl control, List<TrainingListener> listeners) {
    TrainingSet data = new TrainingSet(CASES);
    BatchSampler sampler =
        new BatchSampler(
            data, 3, CFG.latentDim(), 42, new Augmentation(true, 2), new float[] {0f, 1f});
    return new Trainer(model, sampler, config(), new JsonObject(), dir, null, listeners, control);
  }

  @Test
  void resumedRunMatchesUninterruptedRun(@TempDir Path tmp) throws Exception {
    Map<String, TensorBundle.Tensor> uninterrupted;
    try (ProbUNetTrainable model = trainable()) {
      assertEquals(
          TrainingOutcome.FINISHED,
          trainer(model, tmp.resolve("a"), new TrainingControl(), List.of()).run(false));
      uninterrupted = model.exportParameters().tensors();
    }
    // stop after step 3 (a checkpoint is written on stop), then resume in a fresh model
    try (ProbUNetTrainable model = trainable()) {
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
      assertEquals(
          TrainingOutcome.STOPPED,
          trainer(model, tmp.resolve("b"), control, List.of(stopAt3)).run(false));
    }
    try (ProbUNetTrainable model = trainable()) {
      long[] firstStep = {-1};
      TrainingListener record =
          new TrainingListener() {
            @Override
            public void onStep(long step, StepResult r, float lr, double rate) {
              if (firstStep[0] < 0) {
                firstStep[0] = step;
              }
            }
          };
      assertEquals(
          TrainingOutcome.FINISHED,
          trainer(model, tmp.resolve("b"), new TrainingControl(), List.of(record)).run(true));
      assertEquals(4, firstStep[0], "the resumed run continues with step 4");
      Map<String, TensorBundle.Tensor> resumed = model.exportParameters().tensors();
      double worst = 0;
      for (var e : uninterrupted.entrySet()) {
        float[] a = e.getValue().values();
        float[] b = resumed.get(e.getKey()).values();
        for (int i = 0; i < a.length; i++) {
          worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
      }
      assertTrue(worst < 1e-5, "largest parameter difference " + worst);
    }
  }

  @Test
  void nonFiniteLossStopsAndKeepsTheLastGoodCheckpoint(@TempDir Path tmp) throws Exception {
    try (ProbUNetTrainable real = trainable()) {
      // a model whose loss turns NaN at step 5: the loop must stop without overwriting step 4
      Path checkpoint = new Checkpointer(tmp).file();
      byte[][] beforeDiverging = {null};
      TrainableModel diverging =
          new DelegatingModel(real) {
            private int calls;

            @Override
            public StepResult step(TrainingBatch batch, float lr) {
              StepResult r = super.step(batch, lr);
              if (++calls < 5) {
                return r;
              }
              try {
                beforeDiverging[0] = Files.readAllBytes(checkpoint); // step 4's checkpoint
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              return new StepResult(Double.NaN, r.terms(), r.gradientNorm());
            }
          };
      String[] error = {null};
      TrainingListener onEnd =
          new TrainingListener() {
            @Override
            public void onEnd(long step, TrainingOutcome outcome, String message) {
              error[0] = message;
            }
          };
      Trainer t = trainer(diverging, tmp, new TrainingControl(), List.of(onEnd));
      assertEquals(TrainingOutcome.DIVERGED, t.run(false));
      assertTrue(error[0].contains("NaN") && error[0].contains("step 5"), error[0]);
      Checkpointer.TrainerState state = t.checkpointer().restore(real);
      assertEquals(4, state.step(), "the checkpoint of step 4 is kept");
      assertArrayEquals(
          beforeDiverging[0], Files.readAllBytes(checkpoint), "and not written again after NaN");
    }
  }
}
