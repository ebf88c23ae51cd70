package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.ambiseg.model.McDropoutConfig;
import org.ambiseg.model.McDropoutUNetModel;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TensorBundle;
import org.junit.jupiter.api.Test;

/** Training the MC-dropout U-Net: the loss formula, learning, and exact checkpoint round trips. */
class McDropoutTrainableTest {

  private static final McDropoutConfig CFG = McDropoutConfig.MCDROPOUT_TINY;

  private static TrainingConfig config(float lr) {
    return new TrainingConfig(
        "mcdropout",
        "mcdropout-tiny",
        40,
        4,
        lr,
        new double[0],
        1f,
        1f,
        0f,
        100,
        7,
        false,
        0,
        0,
        0,
        0.0,
        0,
        4);
  }

  private static McDropoutTrainable trainable(float lr) {
    return new McDropoutTrainable(
        McDropoutUNetModel.create(CFG, 7, Device.cpu()), config(lr), Normalization.IDENTITY);
  }

  private static BatchSampler sampler() {
    return new BatchSampler(
        new TrainingSet(TinyCases.make(6, 16, 3)),
        4,
        0,
        7,
        new Augmentation(false, 0),
        new float[] {0f, 1f});
  }

  @Test
  void crossEntropyIsSummedOverPixelsAndAveragedOverTheBatch() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      // 2 images of 1x2 pixels; logits (0, ln 3): p(class 1) = 3/4
      float ln3 = (float) Math.log(3);
      NDArray logits =
          m.create(new float[] {0, 0, ln3, ln3, 0, 0, ln3, ln3}, new Shape(2, 2, 1, 2));
      // image 0: both pixels class 1; image 1: pixel 0 class 0, pixel 1 class 1
      NDArray oneHot = m.create(new float[] {0, 0, 1, 1, 1, 0, 0, 1}, new Shape(2, 2, 1, 2));
      double expected = (2 * -Math.log(0.75) + (-Math.log(0.25) - Math.log(0.75))) / 2;
      assertEquals(expected, CrossEntropyLoss.compute(logits, oneHot).getFloat(), 1e-5);
    }
  }

  @Test
  void trainingStepsReduceTheLoss() {
    BatchSampler batches = sampler();
    try (McDropoutTrainable model = trainable(1e-2f)) {
      assertEquals(0, model.noisePerImage());
      assertEquals("mcdropout", model.modelType());
      double first = 0;
      double last = 0;
      for (int step = 0; step < 12; step++) {
        StepResult r = model.step(batches.batch(step % 3), 1e-2f);
        assertTrue(r.isFinite(), "step " + step);
        if (step < 3) {
          first += r.loss();
        } else if (step >= 9) {
          last += r.loss();
        }
      }
      // the same three batches at the start and at the end
      assertTrue(last < 0.8 * first, "loss " + first / 3 + " -> " + last / 3);
    }
  }

  @Test
  void exportedStateRestoresExactlyAndTrainingContinuesIdentically() throws Exception {
    BatchSampler batches = sampler();
    Map<String, TensorBundle.Tensor> continued;
    TensorBundle state;
    try (McDropoutTrainable a = trainable(1e-3f)) {
      a.step(batches.batch(0), 1e-3f);
      a.step(batches.batch(1), 1e-3f);
      state = a.exportState();
      a.step(batches.batch(2), 1e-3f);
      continued = a.exportParameters().tensors();
    }
    try (McDropoutTrainable b =
        new McDropoutTrainable(
            McDropoutUNetModel.create(CFG, 999, Device.cpu()),
            config(1e-3f),
            Normalization.IDENTITY)) {
      b.restoreState(state, "test.ckpt");
      assertEquals(2, state.metadata().get("optimizerStep").getAsLong());
      b.step(batches.batch(2), 1e-3f);
      Map<String, TensorBundle.Tensor> resumed = b.exportParameters().tensors();
      assertEquals(continued.keySet(), resumed.keySet());
      for (String k : continued.keySet()) {
        assertArrayEquals(continued.get(k).values(), resumed.get(k).values(), 1e-6f, k);
      }
    }
  }

  @Test
  void factoryBuildsEachTypeAndRefusesMismatchedPresets() {
    assertEquals("mcdropout-small", TrainableModels.defaultPreset("mcdropout"));
    assertThrows(
        IllegalArgumentException.class,
        () -> TrainableModels.checkPreset("unet", "mcdropout-tiny"));
    assertThrows(
        IllegalArgumentException.class,
        () -> TrainableModels.checkPreset("mcdropout", "probunet-tiny"));
    assertThrows(IllegalArgumentException.class, () -> TrainableModels.defaultPreset("gan"));
    TrainingConfig unet =
        new TrainingConfig(
            "unet",
            "unet-tiny",
            4,
            2,
            1e-3f,
            new double[0],
            1f,
            1f,
            0f,
            100,
            1,
            false,
            0,
            0,
            0,
            0.0,
            0,
            4);
    try (TrainableModel model = TrainableModels.create(unet, Normalization.IDENTITY)) {
      assertEquals("unet", model.modelType());
      List<float[]> s = model.sample(TinyCases.make(1, 16, 1).get(0).image(), 3, 5);
      assertArrayEquals(s.get(0), s.get(2), "a unet gives identical samples");
    }
  }
}
