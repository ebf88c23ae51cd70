package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ambiseg.core.Image2D;
import org.junit.jupiter.api.Test;

/**
 * The encode-once HPU-Net sampler gives exactly the maps of the uncached path (prior encoder run
 * per call on the repeated image, then the decoders), whatever was decoded from the cache before,
 * and leaves no arrays behind.
 */
class HpuNetSamplerCacheTest {

  private static final int SIZE = 16;

  /** A 16x16 grey test image with a fixed pseudo-random pattern (shared with other HPU tests). */
  static Image2D image() {
    float[] px = new float[SIZE * SIZE];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i * 37 % 101) / 100f;
    }
    return Image2D.grey(SIZE, SIZE, px);
  }

  /** The sampler's code before the cache: encoder on the input, decoders, same noise order. */
  private static List<float[]> uncached(
      HpuNetModel model, float[] pixels, int n, long seed, HpuNetSampler.ScaleSettings settings) {
    SplittableRandom random = new SplittableRandom(seed);
    try (NDManager m = model.manager().newSubManager()) {
      NDArray x = m.create(pixels, new Shape(1, 1, SIZE, SIZE));
      List<NDArray> encoder = new ArrayList<>();
      for (NDArray f : model.block().encodePrior(model.parameterStore(), x)) {
        encoder.add(f.repeat(0, n));
      }
      List<NDArray> eps = new ArrayList<>();
      for (int s = 0; s < model.config().scales(); s++) {
        Shape shape = model.block().latentShape(s, n, SIZE, SIZE);
        float[] noise = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < noise.length; i++) {
          noise[i] = (float) random.nextGaussian();
        }
        eps.add(m.create(noise, shape));
      }
      NDArray logits =
          model
              .block()
              .sample(
                  model.parameterStore(),
                  encoder,
                  (s, mean, logSigma) ->
                      settings.fixedToMean()[s]
                          ? mean
                          : mean.add(
                              logSigma
                                  .exp()
                                  .mul(eps.get(s))
                                  .mul((float) settings.temperatures()[s])));
      float[] all = logits.softmax(1).get(":, 1").toFloatArray();
      List<float[]> out = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        float[] p = new float[SIZE * SIZE];
        System.arraycopy(all, k * p.length, p, 0, p.length);
        out.add(p);
      }
      return out;
    }
  }

  @Test
  void cachedDecodesEqualTheUncachedPathAndLeakNothing() {
    try (HpuNetModel model = HpuNetModel.create(HpuNetConfig.HPUNET_TINY, 5, Device.cpu())) {
      HpuNetSampler sampler = new HpuNetSampler(model, Normalization.IDENTITY);
      Image2D image = image();
      var fixedFirst =
          new HpuNetSampler.ScaleSettings(new double[] {1, 0.5}, new boolean[] {true, false});
      var all = HpuNetSampler.ScaleSettings.sampleAll(2);
      BaseNDManager manager = (BaseNDManager) model.manager();
      sampler.sample(image, 1, 0); // warm-up
      int before = manager.getManagedArrays().size();
      try (HpuNetSampler.EncodedImage encoded = sampler.encode(image)) {
        int cached = manager.getManagedArrays().size();
        for (int round = 0; round < 2; round++) {
          assertSame(uncached(model, image.pixels(), 3, 7, all), encoded.decode(3, 7, all));
          assertSame(
              uncached(model, image.pixels(), 1, 9, fixedFirst), encoded.decode(1, 9, fixedFirst));
        }
        assertEquals(cached, manager.getManagedArrays().size(), "arrays left by decodes");
      }
      assertSame(uncached(model, image.pixels(), 2, 4, all), sampler.sample(image, 2, 4));
      assertEquals(before, manager.getManagedArrays().size(), "arrays left after close");
    }
  }

  private static void assertSame(List<float[]> expected, List<float[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int k = 0; k < expected.size(); k++) {
      assertArrayEquals(expected.get(k), actual.get(k), "sample " + k);
    }
  }
}
