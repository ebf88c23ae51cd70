package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.io.FuzzHarness;
import org.ambiseg.model.BlockParameters;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.TensorBundle;
import org.ambiseg.model.TensorFile;
import org.ambiseg.model.TrainingDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the model files: the tensor file format, a model folder's model.json
 * and model.params, and a training checkpoint. Mutated tensor files are fuzzed twice: as they are
 * (the checksum refuses them) and with the checksum recomputed, so the mutation reaches the header
 * and shape checks behind it. Only a result or a one-line BadInputException may come out.
 */
class ModelFileFuzzTest {

  private static final Path CRASHES = Path.of("target", "fuzz-crashes");
  private static FuzzHarness harness;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    harness = new FuzzHarness(CRASHES, 30);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  /** Recomputes the trailing CRC-32 (a big-endian long) over everything before it. */
  static byte[] fixCrc(byte[] b) {
    if (b.length < 8) {
      return b;
    }
    CRC32 crc = new CRC32();
    crc.update(b, 0, b.length - 8);
    byte[] out = b.clone();
    ByteBuffer.wrap(out, b.length - 8, 8).putLong(crc.getValue());
    return out;
  }

  private static byte[] smallTensorFile(Path dir) throws IOException {
    Map<String, TensorBundle.Tensor> t = new LinkedHashMap<>();
    t.put("a.weight", new TensorBundle.Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}));
    t.put("a.bias", new TensorBundle.Tensor(new long[] {3}, new float[] {-1, 0, 1}));
    t.put("scalar", new TensorBundle.Tensor(new long[] {}, new float[] {7}));
    JsonObject meta = new JsonObject();
    meta.addProperty("step", 12);
    Path f = dir.resolve("seed.tensors");
    TensorFile.write(f, new TensorBundle(t, meta));
    return Files.readAllBytes(f);
  }

  @Test
  void tensorFile() throws IOException {
    fuzzTensorFile(300, 21);
  }

  @Test
  @Tag("long")
  void tensorFileLong() throws IOException {
    fuzzTensorFile(3000, 1021);
  }

  private void fuzzTensorFile(int n, long seed) throws IOException {
    byte[] valid = smallTensorFile(dir);
    Path file = dir.resolve("fuzz.tensors");
    FuzzHarness.Target read =
        b -> {
          Files.write(file, b);
          TensorFile.read(file);
        };
    FuzzHarness.Outcome raw = harness.run("tensors", List.of(valid), read, n, seed);
    FuzzHarness.Outcome fixed =
        harness.run(
            "tensors-crc-fixed", List.of(valid), read, n, seed + 1, ModelFileFuzzTest::fixCrc);
    System.out.println("fuzz " + raw + "; " + fixed);
    assertTrue(raw.refused() > 0 && fixed.refused() > 0 && fixed.accepted() > 0);
  }

  @Test
  void nonFiniteValuesAreRefusedEvenWithAValidChecksum() throws IOException {
    Map<String, TensorBundle.Tensor> t = new LinkedHashMap<>();
    t.put("w", new TensorBundle.Tensor(new long[] {3}, new float[] {1, Float.NaN, 2}));
    Path f = dir.resolve("nan.tensors");
    TensorFile.write(f, new TensorBundle(t, new JsonObject()));
    org.ambiseg.core.BadInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.ambiseg.core.BadInputException.class, () -> TensorFile.read(f));
    org.junit.jupiter.api.Assertions.assertEquals(
        f + ": tensor w holds NaN at index 1", e.getMessage());
  }

  private static void saveTinyModel(Path dir) throws IOException {
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

  @Test
  void modelFolder() throws IOException {
    fuzzModelFolder(150, 60, 31);
  }

  @Test
  @Tag("long")
  void modelFolderLong() throws IOException {
    fuzzModelFolder(2000, 1000, 1031);
  }

  private void fuzzModelFolder(int jsonCount, int paramsCount, long seed) throws IOException {
    Path good = dir.resolve("good");
    saveTinyModel(good);
    byte[] json = Files.readAllBytes(good.resolve("model.json"));
    byte[] params = Files.readAllBytes(good.resolve("model.params"));
    Path model = dir.resolve("fuzz-model");
    Files.createDirectories(model);
    FuzzHarness.Target withJson =
        b -> {
          Files.write(model.resolve("model.json"), b);
          Files.write(model.resolve("model.params"), params);
          open(model);
        };
    FuzzHarness.Target withParams =
        b -> {
          Files.write(model.resolve("model.json"), json);
          Files.write(model.resolve("model.params"), b);
          open(model);
        };
    FuzzHarness.Outcome j = harness.run("model.json", List.of(json), withJson, jsonCount, seed);
    FuzzHarness.Outcome p =
        harness.run(
            "model.params",
            List.of(params),
            withParams,
            paramsCount,
            seed + 1,
            ModelFileFuzzTest::fixCrc);
    System.out.println("fuzz " + j + "; " + p);
    assertTrue(j.refused() > 0 && p.refused() > 0);
  }

  /** Opens the model and draws one sample: a model that opens must also run. */
  private static void open(Path model) throws org.ambiseg.core.BadInputException {
    try (Estimator e = Estimators.open(model)) {
      e.sample(org.ambiseg.core.Image2D.grey(16, 16, new float[256]), 1, 0);
    }
  }

  @Test
  void checkpoint() throws Exception {
    fuzzCheckpoint(150, 41);
  }

  @Test
  @Tag("long")
  void checkpointLong() throws Exception {
    fuzzCheckpoint(1500, 1041);
  }

  /** Found by the long fuzz run: metadata without the trainer's fields failed with an NPE. */
  @Test
  void checkpointWithoutTrainerFieldsIsRefusedNamingTheFile() throws Exception {
    TrainingConfig config = KillableTraining.config(10, 1);
    try (ProbUNetTrainable model = KillableTraining.trainable(config)) {
      Checkpointer checkpointer = new Checkpointer(dir.resolve("run"));
      checkpointer.save(
          model,
          new Checkpointer.TrainerState(3, Double.POSITIVE_INFINITY, 1.0),
          new Gson().toJsonTree(config).getAsJsonObject());
      assertEquals(3, checkpointer.restore(model).step(), "no selection GED yet reads back");
      org.ambiseg.model.TensorBundle good = org.ambiseg.model.TensorFile.read(checkpointer.file());
      for (String field : List.of("step", "bestSelectionGed", "elapsedSeconds")) {
        com.google.gson.JsonObject meta = good.metadata().deepCopy();
        meta.remove(field);
        org.ambiseg.model.TensorFile.write(
            checkpointer.file(), new org.ambiseg.model.TensorBundle(good.tensors(), meta));
        org.ambiseg.core.BadInputException e =
            assertThrows(
                org.ambiseg.core.BadInputException.class, () -> checkpointer.restore(model));
        assertEquals(
            checkpointer.file()
                + ": checkpoint metadata field \""
                + field
                + "\" is missing or not a number",
            e.getMessage());
      }
    }
  }

  private void fuzzCheckpoint(int n, long seed) throws Exception {
    TrainingConfig config = KillableTraining.config(10, 1);
    try (ProbUNetTrainable model = KillableTraining.trainable(config)) {
      Checkpointer checkpointer = new Checkpointer(dir.resolve("run"));
      checkpointer.save(
          model,
          new Checkpointer.TrainerState(3, 0.5, 1.0),
          new Gson().toJsonTree(config).getAsJsonObject());
      byte[] valid = Files.readAllBytes(checkpointer.file());
      FuzzHarness.Outcome o =
          harness.run(
              "checkpoint",
              List.of(valid),
              b -> {
                Files.write(checkpointer.file(), b);
                checkpointer.restore(model);
              },
              n,
              seed,
              ModelFileFuzzTest::fixCrc);
      System.out.println("fuzz " + o);
      assertTrue(o.refused() > 0, o.toString());
      // a refused restore leaves the model usable: the good checkpoint still loads into it
      Files.write(checkpointer.file(), valid);
      assertTrue(Arrays.equals(valid, Files.readAllBytes(checkpointer.file())));
      checkpointer.restore(model);
    }
  }
}
