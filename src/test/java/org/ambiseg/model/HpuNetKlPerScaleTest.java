package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.Test;

/**
 * The per-scale KL of the evaluation path: the raters run as one batch and give exactly the mean of
 * running each rater alone through the training pass with the same noise; the mask matters; no
 * arrays are left behind.
 */
class HpuNetKlPerScaleTest {

  private static final int SIZE = 16;

  private static Image2D image() {
    return HpuNetSamplerCacheTest.image();
  }

  private static LabelMask square(int from, int to) {
    boolean[] fg = new boolean[SIZE * SIZE];
    for (int y = from; y < to; y++) {
      for (int x = from; x < to; x++) {
        fg[y * SIZE + x] = true;
      }
    }
    return LabelMask.binary(SIZE, SIZE, fg);
  }

  /** The KL of each scale for one rater, through forwardTraining with the given noise. */
  private static double[] alone(HpuNetModel model, LabelMask rater, List<float[]> noise) {
    try (NDManager m = model.manager().newSubManager()) {
      NDArray x = m.create(image().pixels(), new Shape(1, 1, SIZE, SIZE));
      float[] oneHot = new float[2 * SIZE * SIZE];
      boolean[] fg = rater.foreground();
      for (int p = 0; p < fg.length; p++) {
        oneHot[(fg[p] ? 1 : 0) * SIZE * SIZE + p] = 1f;
      }
      NDArray y = m.create(oneHot, new Shape(1, 2, SIZE, SIZE));
      List<NDArray> eps = new ArrayList<>();
      for (int s = 0; s < noise.size(); s++) {
        eps.add(m.create(noise.get(s), model.block().latentShape(s, 1, SIZE, SIZE)));
      }
      HpuNet.TrainingOutput out =
          model.block().forwardTraining(model.parameterStore(), x, y, eps, false);
      double[] kl = new double[noise.size()];
      for (int s = 0; s < kl.length; s++) {
        kl[s] = out.klPerScale().get(s).getFloat();
      }
      return kl;
    }
  }

  @Test
  void batchedRatersGiveTheMeanOfEachRaterAlone() {
    try (HpuNetModel model = HpuNetModel.create(HpuNetConfig.HPUNET_TINY, 3, Device.cpu())) {
      HpuNetSampler sampler = new HpuNetSampler(model, Normalization.IDENTITY);
      List<LabelMask> raters = List.of(square(4, 12), LabelMask.empty(SIZE, SIZE), square(2, 8));
      long seed = 11;
      BaseNDManager manager = (BaseNDManager) model.manager();
      int before = manager.getManagedArrays().size();
      double[] batched = sampler.klPerScale(image(), raters, seed);
      assertEquals(before, manager.getManagedArrays().size(), "arrays left behind");
      assertEquals(2, batched.length, "one value per scale");

      // the sampler's noise: scale by scale, each the raters' latents in batch order
      SplittableRandom random = new SplittableRandom(seed);
      List<List<float[]>> perRater = new ArrayList<>();
      for (int r = 0; r < raters.size(); r++) {
        perRater.add(new ArrayList<>());
      }
      for (int s = 0; s < 2; s++) {
        int size = Math.toIntExact(model.block().latentShape(s, 1, SIZE, SIZE).size());
        for (int r = 0; r < raters.size(); r++) {
          float[] values = new float[size];
          for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
          }
          perRater.get(r).add(values);
        }
      }
      double[] expected = new double[2];
      double[][] each = new double[raters.size()][];
      for (int r = 0; r < raters.size(); r++) {
        each[r] = alone(model, raters.get(r), perRater.get(r));
        for (int s = 0; s < 2; s++) {
          expected[s] += each[r][s] / raters.size();
        }
      }
      for (int s = 0; s < 2; s++) {
        assertEquals(expected[s], batched[s], 1e-4 * Math.max(1, expected[s]), "scale " + s);
        assertTrue(batched[s] >= 0, "a KL is never negative: " + batched[s]);
      }
      assertFalse(Arrays.equals(each[0], each[1]), "the posterior sees the rater's mask");
      assertEquals(
          Arrays.toString(batched),
          Arrays.toString(sampler.klPerScale(image(), raters, seed)),
          "same seed, same values");
    }
  }

  @Test
  void aMaskOfAnotherSizeOrNoRaterIsRefused() {
    try (HpuNetModel model = HpuNetModel.create(HpuNetConfig.HPUNET_TINY, 3, Device.cpu())) {
      HpuNetSampler sampler = new HpuNetSampler(model, Normalization.IDENTITY);
      assertThrows(IllegalArgumentException.class, () -> sampler.klPerScale(image(), List.of(), 1));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> sampler.klPerScale(image(), List.of(LabelMask.empty(8, 8)), 1));
      assertTrue(e.getMessage().contains("8x8"), e.getMessage());
    }
  }
}
