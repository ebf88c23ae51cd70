package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model folders round-trip for both families, and broken folders are refused whole. */
class ModelStoreTest {

  private static final Image2D IMAGE = ramp(16);

  private static Image2D ramp(int size) {
    float[] px = new float[size * size];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i % size) / (float) size;
    }
    return Image2D.grey(size, size, px);
  }

  private static void saveProbUNet(Path dir) throws Exception {
    try (ProbUNetModel m = ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 4, Device.cpu())) {
      ModelStore.save(
          dir,
          ModelInfo.create(
              "tiny",
              "probunet",
              new Gson().toJsonTree(m.config()),
              Normalization.IDENTITY,
              new TrainingDomain(16, 16, 1, 0.5f, 0.3f, "test"),
              null),
          new TensorBundle(BlockParameters.export(m.block()), new JsonObject()));
    }
  }

  private static void saveHpuNet(Path dir) throws Exception {
    try (HpuNetModel m = HpuNetModel.create(HpuNetConfig.HPUNET_TINY, 4, Device.cpu())) {
      ModelStore.save(
          dir,
          ModelInfo.create(
              "tiny",
              "hpunet",
              new Gson().toJsonTree(m.config()),
              Normalization.IDENTITY,
              new TrainingDomain(16, 16, 1, 0.5f, 0.3f, "test"),
              null),
          new TensorBundle(BlockParameters.export(m.block()), new JsonObject()));
    }
  }

  @Test
  void bothFamiliesRoundTripAndSampleReproducibly(@TempDir Path tmp) throws Exception {
    saveProbUNet(tmp.resolve("p"));
    saveHpuNet(tmp.resolve("h"));
    for (String name : new String[] {"p", "h"}) {
      try (Estimator e = Estimators.open(tmp.resolve(name))) {
        SampleSet a = e.sample(IMAGE, 4, 11);
        SampleSet b = e.sample(IMAGE, 4, 11);
        SampleSet c = e.sample(IMAGE, 4, 12);
        assertEquals(4, a.size());
        for (int i = 0; i < 4; i++) {
          assertArrayEquals(a.probability(i), b.probability(i), e.name() + " same seed");
        }
        boolean differs = false;
        for (int i = 0; i < 4; i++) {
          differs |= !java.util.Arrays.equals(a.probability(i), c.probability(i));
        }
        assertTrue(differs, e.name() + ": another seed gives other samples");
      }
    }
  }

  @Test
  void truncatedParametersAreRefusedNamingTheFile(@TempDir Path tmp) throws Exception {
    saveProbUNet(tmp);
    Path params = tmp.resolve("model.params");
    try (FileChannel ch = FileChannel.open(params, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() / 2);
    }
    BadInputException e = assertThrows(BadInputException.class, () -> Estimators.open(tmp));
    assertTrue(
        e.getMessage().contains("model.params") && e.getMessage().contains("truncated"),
        e.getMessage());
  }

  @Test
  void architectureThatDoesNotFitTheParametersIsRefused(@TempDir Path tmp) throws Exception {
    saveProbUNet(tmp);
    Path json = tmp.resolve("model.json");
    JsonObject o = new Gson().fromJson(Files.readString(json), JsonObject.class);
    o.getAsJsonObject("architecture").add("channels", new Gson().toJsonTree(new int[] {4, 16}));
    Files.writeString(json, o.toString(), StandardCharsets.UTF_8);
    BadInputException e = assertThrows(BadInputException.class, () -> Estimators.open(tmp));
    assertTrue(e.getMessage().contains("do not match"), e.getMessage());
  }

  @Test
  void unknownFormatVersionAndWrongTypeAreRefused(@TempDir Path tmp) throws Exception {
    saveHpuNet(tmp.resolve("h"));
    Path json = tmp.resolve("h").resolve("model.json");
    JsonObject o = new Gson().fromJson(Files.readString(json), JsonObject.class);
    o.addProperty("formatVersion", 99);
    Files.writeString(json, o.toString(), StandardCharsets.UTF_8);
    BadInputException e =
        assertThrows(BadInputException.class, () -> Estimators.open(tmp.resolve("h")));
    assertTrue(e.getMessage().contains("version 99"), e.getMessage());

    saveHpuNet(tmp.resolve("h2"));
    ModelStore.StoredModel stored = ModelStore.load(tmp.resolve("h2"));
    BadInputException wrongType =
        assertThrows(BadInputException.class, () -> ProbUNetModel.load(stored, Device.cpu()));
    assertTrue(wrongType.getMessage().contains("not a probunet model"));
    assertFalse(wrongType.getMessage().isBlank());
  }
}
