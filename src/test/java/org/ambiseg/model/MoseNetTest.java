package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MoSE's shapes, the training pass against the per-image sampler (same z, same maps), the compact
 * and standard forms, the model folder round trip, and the parameter counts of the presets.
 */
class MoseNetTest {

  private static final int SIZE = 16;

  private static Image2D image(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] px = new float[SIZE * SIZE];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) r.nextDouble();
    }
    return Image2D.grey(SIZE, SIZE, px);
  }

  @Test
  void trainingPassDecodesLikeTheSamplerForEveryImageOfTheBatch() {
    MoseConfig cfg = MoseConfig.MOSE_TINY;
    int k = cfg.experts();
    int m = 3;
    try (MoseModel model = MoseModel.create(cfg, 3, Device.cpu());
        NDManager nd = model.manager().newSubManager()) {
      Image2D[] images = {image(1), image(2)};
      float[] pixels = new float[2 * SIZE * SIZE];
      System.arraycopy(images[0].pixels(), 0, pixels, 0, SIZE * SIZE);
      System.arraycopy(images[1].pixels(), 0, pixels, SIZE * SIZE, SIZE * SIZE);
      float[] eps = new float[2 * k * m];
      SplittableRandom r = new SplittableRandom(9);
      for (int i = 0; i < eps.length; i++) {
        eps[i] = (float) r.nextGaussian();
      }
      NDList out =
          model
              .block()
              .forward(
                  model.parameterStore(),
                  new NDList(
                      nd.create(pixels, new Shape(2, 1, SIZE, SIZE)),
                      nd.create(eps, new Shape(2, k * m, 1))),
                  false);
      assertEquals(new Shape(2L * k * m, 2, SIZE, SIZE), out.get(0).getShape());
      assertEquals(new Shape(2, k, 1), out.get(1).getShape());
      assertEquals(new Shape(2, k), out.get(3).getShape());
      float[] mean = out.get(1).toFloatArray();
      float[] logSigma = out.get(2).toFloatArray();
      NDArray foreground = out.get(0).softmax(1).get(":, 1");
      float[] batchMaps = foreground.toFloatArray();
      MoseSampler sampler = new MoseSampler(model, Normalization.IDENTITY);
      for (int b = 0; b < 2; b++) {
        try (MoseSampler.EncodedImage enc = sampler.encode(images[b])) {
          float[][] z = new float[k * m][1];
          for (int s = 0; s < k * m; s++) {
            int e = s / m;
            assertEquals(mean[b * k + e], enc.mean(e)[0], 1e-5);
            z[s][0] = mean[b * k + e] + (float) Math.exp(logSigma[b * k + e]) * eps[b * k * m + s];
          }
          List<float[]> maps = enc.decode(z);
          for (int s = 0; s < k * m; s++) {
            int plane = SIZE * SIZE;
            float[] expected = new float[plane];
            System.arraycopy(batchMaps, (b * k * m + s) * plane, expected, 0, plane);
            assertArrayEquals(expected, maps.get(s), 1e-5f, "image " + b + " sample " + s);
          }
        }
      }
    }
  }

  @Test
  void compactAndStandardFormsCarryTheWeights() {
    MoseConfig cfg = new MoseConfig(MoseConfig.MOSE_TINY.base(), 4);
    try (MoseModel model = MoseModel.create(cfg, 5, Device.cpu())) {
      MoseSampler sampler = new MoseSampler(model, Normalization.IDENTITY);
      try (MoseSampler.EncodedImage enc = sampler.encode(image(3))) {
        double[] w = enc.weights();
        assertEquals(1, w[0] + w[1] + w[2] + w[3], 1e-6);
        List<ExpertSamples> compact = enc.compact(3, 17);
        assertEquals(4, compact.size());
        for (ExpertSamples group : compact) {
          assertEquals(w[group.expert()], group.weight(), 1e-12);
          assertEquals(3, group.maps().size());
          assertEquals(w[group.expert()] / 3, group.sampleWeight(), 1e-12);
        }
        List<ExpertSamples> again = enc.compact(3, 17);
        assertArrayEquals(compact.get(2).maps().get(1), again.get(2).maps().get(1));
        // the standard form draws experts by weight: frequencies within 3 points of w
        int n = 4000;
        int[] counts = new int[4];
        for (int e : enc.standardExperts(n, 23)) {
          counts[e]++;
        }
        for (int e = 0; e < 4; e++) {
          assertEquals(w[e], counts[e] / (double) n, 0.03, "expert " + e);
        }
        List<float[]> standard = enc.standard(5, 23);
        assertArrayEquals(standard.get(4), enc.standard(5, 23).get(4));
        assertEquals(5, standard.size());
      }
    }
  }

  @Test
  void storedModelLoadsBackWithTheSameWeightsAndSamples(@TempDir Path tmp) throws Exception {
    Image2D im = image(4);
    MoseConfig cfg = MoseConfig.MOSE_TINY;
    List<ExpertSamples> expected;
    try (MoseModel model = MoseModel.create(cfg, 21, Device.cpu())) {
      TensorBundle params =
          new TensorBundle(BlockParameters.export(model.block()), new JsonObject());
      ModelStore.save(tmp.resolve("ok"), info("mose", cfg), params);
      ModelStore.save(tmp.resolve("type"), info("probunet", cfg), params);
      expected = new MoseSampler(model, Normalization.IDENTITY).sampleCompact(im, 2, 13);
    }
    try (MoseModel loaded = MoseModel.load(ModelStore.load(tmp.resolve("ok")), Device.cpu())) {
      assertEquals(cfg, loaded.config());
      List<ExpertSamples> actual =
          new MoseSampler(loaded, Normalization.IDENTITY).sampleCompact(im, 2, 13);
      assertEquals(expected.size(), actual.size());
      for (int e = 0; e < expected.size(); e++) {
        assertEquals(expected.get(e).weight(), actual.get(e).weight(), 0);
        assertArrayEquals(expected.get(e).maps().get(1), actual.get(e).maps().get(1));
      }
    }
    BadInputException type =
        assertThrows(
            BadInputException.class,
            () -> MoseModel.load(ModelStore.load(tmp.resolve("type")), Device.cpu()));
    assertTrue(type.getMessage().contains("probunet"), type.getMessage());
  }

  private static ModelInfo info(String type, MoseConfig cfg) {
    return ModelInfo.create(
        "tiny",
        type,
        new Gson().toJsonTree(cfg),
        Normalization.IDENTITY,
        new TrainingDomain(SIZE, SIZE, 1, 0.5f, 0.2f, "test"),
        null);
  }

  @Test
  void samplingAndDecodingLeaveNoArraysInTheModelsManager() {
    try (MoseModel model = MoseModel.create(MoseConfig.MOSE_TINY, 6, Device.cpu())) {
      MoseSampler sampler = new MoseSampler(model, Normalization.IDENTITY);
      Image2D im = image(8);
      BaseNDManager manager = (BaseNDManager) model.manager();
      for (int i = 0; i < 5; i++) {
        sampler.sample(im, 2, i); // warm-up: lazily created state counts as baseline
      }
      int before = manager.getManagedArrays().size();
      for (int i = 0; i < 20; i++) {
        sampler.sample(im, 1, i);
        sampler.sampleCompact(im, 1, i);
      }
      try (MoseSampler.EncodedImage enc = sampler.encode(im)) {
        for (int i = 0; i < 20; i++) {
          enc.decode(new float[][] {{(float) Math.sin(i * 0.1)}});
        }
      }
      assertEquals(before, manager.getManagedArrays().size());
    }
  }

  @Test
  void presetsHaveTheDocumentedParts() {
    try (MoseModel model = MoseModel.create(MoseConfig.MOSE_TINY, 1, Device.cpu())) {
      Map<String, Long> counts = model.parameterCounts();
      assertEquals(
          counts.get("prior") + counts.get("gate") + counts.get("unet") + counts.get("fcomb"),
          counts.get("total"));
      // gate on 4 feature channels, 2 experts: 4*4+4 hidden, 4*2+2 output
      assertEquals(30, counts.get("gate"));
      assertTrue(counts.get("prior") > 0);
    }
    assertEquals(4, MoseConfig.preset("mose-128").experts());
    assertArrayEquals(
        ProbUNetConfig.PROBUNET_SMALL.channels(),
        MoseConfig.preset("mose-small").base().channels());
  }
}
