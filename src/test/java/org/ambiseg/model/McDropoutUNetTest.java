package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MC-dropout U-Net: reference parameter count, forced dropout, seeding, batching, loading. */
class McDropoutUNetTest {

  private static final McDropoutConfig TINY = McDropoutConfig.MCDROPOUT_TINY;

  static Image2D image(int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] px = new float[size * size];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) r.nextDouble();
    }
    return Image2D.grey(size, size, px);
  }

  private static int dropoutLayers(Block block) {
    int n = block instanceof ForcedDropout ? 1 : 0;
    for (var child : block.getChildren().values()) {
      n += dropoutLayers(child);
    }
    return n;
  }

  @Test
  void referenceConfigurationHasTheReferenceParameterCountAndTwentyOneDropoutLayers() {
    try (McDropoutUNetModel model =
        McDropoutUNetModel.create(McDropoutConfig.MCDROPOUT_128, 1, Device.cpu())) {
      // shared/bench/README.md: U-Net 2,260,128 + conv1(32->2) 66
      assertEquals(2_260_194L, model.block().parameterCount());
      assertEquals(21, dropoutLayers(model.block()));
    }
    try (McDropoutUNetModel unet =
        McDropoutUNetModel.create(McDropoutConfig.preset("unet-128"), 1, Device.cpu())) {
      assertEquals(2_260_194L, unet.block().parameterCount());
      assertEquals(0, dropoutLayers(unet.block()));
      assertEquals("unet", unet.config().modelType());
    }
  }

  @Test
  void dropoutIsOnAtInferenceAndTheSeedFixesTheSamples() {
    try (McDropoutUNetModel model = McDropoutUNetModel.create(TINY, 5, Device.cpu())) {
      McDropoutUNetSampler sampler = new McDropoutUNetSampler(model, Normalization.IDENTITY);
      Image2D im = image(16, 1);
      List<float[]> a = sampler.sample(im, 4, 99);
      List<float[]> b = sampler.sample(im, 4, 99);
      List<float[]> c = sampler.sample(im, 4, 100);
      assertEquals(4, a.size());
      assertEquals(256, a.get(0).length);
      for (int s = 0; s < 4; s++) {
        assertArrayEquals(a.get(s), b.get(s), "same seed, sample " + s);
      }
      assertTrue(maxDiff(a.get(0), a.get(1)) > 1e-4, "two passes of one call differ");
      assertTrue(maxDiff(a.get(0), c.get(0)) > 1e-4, "another seed gives other samples");
      // with dropout off, passes are repeatable and differ from the dropped-out ones
      float[] d1 = sampler.predict(List.of(im)).get(0);
      assertArrayEquals(d1, sampler.predict(List.of(im)).get(0));
      // in a batch with another image: the same up to float rounding of the batched kernels
      float[] d2 = sampler.predict(List.of(im, image(16, 2))).get(0);
      assertTrue(maxDiff(d1, d2) < 1e-5, "batched prediction differs by " + maxDiff(d1, d2));
      assertTrue(maxDiff(d1, a.get(0)) > 1e-4);
    }
  }

  @Test
  void zeroRateGivesIdenticalPassesEqualToTheDeterministicPrediction() {
    try (McDropoutUNetModel model =
        McDropoutUNetModel.create(TINY.withDropout(0f), 5, Device.cpu())) {
      McDropoutUNetSampler sampler = new McDropoutUNetSampler(model, Normalization.IDENTITY);
      Image2D im = image(16, 3);
      List<float[]> s = sampler.sample(im, 3, 1);
      float[] det = sampler.predict(List.of(im)).get(0);
      for (float[] p : s) {
        assertArrayEquals(det, p);
      }
    }
  }

  @Test
  void nPassesAreOneBatchedForward() {
    try (McDropoutUNetModel model = McDropoutUNetModel.create(TINY, 5, Device.cpu())) {
      McDropoutUNetSampler sampler = new McDropoutUNetSampler(model, Normalization.IDENTITY);
      long before = model.block().forwardCount();
      List<float[]> s = sampler.sample(image(16, 4), 7, 3);
      assertEquals(7, s.size());
      assertEquals(before + 1, model.block().forwardCount());
      // two image sizes in one predict call: one forward per size
      sampler.predict(List.of(image(16, 1), image(8, 2), image(16, 3)));
      assertEquals(before + 3, model.block().forwardCount());
    }
  }

  @Test
  void storedModelLoadsBackAndWrongTypeOrShapesAreRefused(@TempDir Path tmp) throws Exception {
    Image2D im = image(16, 6);
    try (McDropoutUNetModel model = McDropoutUNetModel.create(TINY, 8, Device.cpu())) {
      TensorBundle params =
          new TensorBundle(BlockParameters.export(model.block()), new com.google.gson.JsonObject());
      var arch = new Gson().toJsonTree(TINY);
      ModelStore.save(tmp.resolve("ok"), info("mcdropout", arch), params);
      ModelStore.save(tmp.resolve("type"), info("unet", arch), params);
      ModelStore.save(tmp.resolve("probunet"), info("probunet", arch), params);
      ModelStore.save(
          tmp.resolve("shapes"),
          info(
              "mcdropout",
              new Gson().toJsonTree(new McDropoutConfig(1, 2, new int[] {4, 6}, 1, 0.2f))),
          params);
      float[] expected =
          new McDropoutUNetSampler(model, Normalization.IDENTITY).sample(im, 3, 11).get(2);
      try (McDropoutUNetModel loaded =
          McDropoutUNetModel.load(ModelStore.load(tmp.resolve("ok")), Device.cpu())) {
        assertEquals(TINY, loaded.config());
        assertArrayEquals(
            expected,
            new McDropoutUNetSampler(loaded, Normalization.IDENTITY).sample(im, 3, 11).get(2));
      }
    }
    BadInputException type =
        assertThrows(
            BadInputException.class,
            () -> McDropoutUNetModel.load(ModelStore.load(tmp.resolve("type")), Device.cpu()));
    assertTrue(type.getMessage().contains("does not match"), type.getMessage());
    BadInputException other =
        assertThrows(
            BadInputException.class,
            () -> McDropoutUNetModel.load(ModelStore.load(tmp.resolve("probunet")), Device.cpu()));
    assertTrue(other.getMessage().contains("not an mcdropout or unet model"), other.getMessage());
    BadInputException shapes =
        assertThrows(
            BadInputException.class,
            () -> McDropoutUNetModel.load(ModelStore.load(tmp.resolve("shapes")), Device.cpu()));
    assertTrue(shapes.getMessage().contains("model.params"), shapes.getMessage());
    assertTrue(shapes.getMessage().contains("shape"), shapes.getMessage());
  }

  @Test
  void presetsAndInvalidRates() {
    assertEquals(0.2f, McDropoutConfig.preset("mcdropout-small").dropout());
    assertFalse(McDropoutConfig.preset("unet-small").dropout() > 0);
    assertThrows(IllegalArgumentException.class, () -> TINY.withDropout(1f));
    assertThrows(IllegalArgumentException.class, () -> McDropoutConfig.preset("nope"));
  }

  private static ModelInfo info(String type, com.google.gson.JsonElement arch) {
    return ModelInfo.create("t", type, arch, Normalization.IDENTITY, null, null);
  }

  static double maxDiff(float[] a, float[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
