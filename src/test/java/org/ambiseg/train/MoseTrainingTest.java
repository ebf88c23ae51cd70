package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.Case;
import org.ambiseg.model.MoseConfig;
import org.ambiseg.model.MoseModel;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TensorBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches with every rater, and MoSE training: finite steps in both annotation modes, the loss
 * falling on a fixed batch, and a run stopped and resumed at step k ending with the parameters of
 * an uninterrupted one.
 */
class MoseTrainingTest {

  private static final List<Case> CASES = TinyCases.make(6, 16, 3);
  private static final float[] IDENTITY = {0f, 1f};

  private static TrainingConfig config() {
    return new TrainingConfig(
        "mose",
        "mose-tiny",
        6,
        2,
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

  @Test
  void batchesWithEveryRaterKeepTheChosenRaterAndTransformEveryMaskAlike() {
    TrainingSet data = new TrainingSet(CASES);
    Augmentation aug = new Augmentation(true, 2);
    TrainingBatch plain = new BatchSampler(data, 3, 2, 0, 7, aug, IDENTITY).batch(5);
    TrainingBatch all = new BatchSampler(data, 3, 2, 0, 7, aug, IDENTITY, true).batch(5);
    assertFalse(plain.hasAllRaters());
    assertTrue(all.hasAllRaters());
    assertArrayEquals(plain.images(), all.images());
    assertArrayEquals(plain.masks(), all.masks());
    assertArrayEquals(plain.noise(), all.noise());
    assertArrayEquals(new int[] {3, 3, 3}, all.raterCounts());
    assertEquals(3, all.raterSlots());
    int plane = 16 * 16;
    for (int b = 0; b < 3; b++) {
      byte[] chosen = Arrays.copyOfRange(all.masks(), b * plane, (b + 1) * plane);
      int matches = 0;
      int[] area = new int[3];
      for (int r = 0; r < 3; r++) {
        int from = (b * 3 + r) * plane;
        byte[] slot = Arrays.copyOfRange(all.raterMasks(), from, from + plane);
        matches += Arrays.equals(chosen, slot) ? 1 : 0;
        for (byte v : slot) {
          area[r] += v;
        }
      }
      assertTrue(matches >= 1, "the chosen rater is one of the slots");
      // TinyCases' raters: the disc, a larger disc, nothing (transforms keep the order of areas)
      assertTrue(area[1] > area[0] && area[0] > 0 && area[2] == 0, Arrays.toString(area));
    }
  }

  private static MoseTrainable trainable(MoseSettings settings) {
    return new MoseTrainable(
        MoseModel.create(MoseConfig.MOSE_TINY, 42, Device.cpu()),
        config(),
        settings,
        Normalization.IDENTITY);
  }

  private static Trainer trainer(
      TrainableModel model, Path dir, TrainingControl control, List<TrainingListener> listeners) {
    BatchSampler sampler =
        new BatchSampler(
            new TrainingSet(CASES),
            2,
            model.noisePerImage(),
            0,
            42,
            new Augmentation(true, 2),
            IDENTITY,
            model.needsAllRaters());
    return new Trainer(model, sampler, config(), new JsonObject(), dir, null, listeners, control);
  }

  @Test
  void oneAnnotationModeTrainsOnTheChosenRater() {
    MoseSettings one = MoseSettings.DEFAULT.withAllAnnotations(false);
    try (MoseTrainable model = trainable(one)) {
      assertFalse(model.needsAllRaters());
      assertEquals(2 * 4, model.noisePerImage(), "K = 2 experts x M = 4 samples x L = 1");
      BatchSampler sampler =
          new BatchSampler(
              new TrainingSet(CASES),
              2,
              model.noisePerImage(),
              0,
              1,
              new Augmentation(false, 0),
              IDENTITY);
      for (int step = 0; step < 2; step++) {
        StepResult r = model.step(sampler.batch(step), 1e-3f);
        assertTrue(r.isFinite(), r.toString());
        assertTrue(r.terms().get("ot") > 0 && r.terms().get("gate") >= 0, r.toString());
      }
    }
  }

  @Test
  void repeatedStepsOnOneBatchLowerTheTransportLoss() {
    try (MoseTrainable model = trainable(MoseSettings.DEFAULT)) {
      TrainingBatch batch =
          new BatchSampler(
                  new TrainingSet(CASES),
                  3,
                  model.noisePerImage(),
                  0,
                  5,
                  new Augmentation(false, 0),
                  IDENTITY,
                  true)
              .batch(0);
      double first = model.step(batch, 1e-2f).terms().get("ot");
      double last = first;
      for (int step = 1; step < 6; step++) {
        StepResult r = model.step(batch, 1e-2f);
        assertTrue(r.isFinite(), r.toString());
        double ot = r.terms().get("ot");
        assertTrue(ot < last, "step " + step + ": " + last + " -> " + ot);
        last = ot;
      }
      // summed pixel cross-entropy: 16 x 16 pixels start near ln 2 each (~177 per pair)
      assertTrue(first > 100, "first " + first);
      assertTrue(last < 0.93 * first, "ot loss " + first + " -> " + last);
    }
  }

  @Test
  void resumedRunMatchesUninterruptedRun(@TempDir Path tmp) throws Exception {
    Map<String, TensorBundle.Tensor> uninterrupted;
    try (MoseTrainable model = trainable(MoseSettings.DEFAULT)) {
      assertEquals(
          TrainingOutcome.FINISHED,
          trainer(model, tmp.resolve("a"), new TrainingControl(), List.of()).run(false));
      uninterrupted = model.exportParameters().tensors();
    }
    try (MoseTrainable model = trainable(MoseSettings.DEFAULT)) {
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
    try (MoseTrainable model = trainable(MoseSettings.DEFAULT)) {
      assertEquals(
          TrainingOutcome.FINISHED,
          trainer(model, tmp.resolve("b"), new TrainingControl(), List.of()).run(true));
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
}
