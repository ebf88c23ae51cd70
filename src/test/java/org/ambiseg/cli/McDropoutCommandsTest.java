package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train --model-type mcdropout|unet and eval (default and --estimator tta) end to end. */
class McDropoutCommandsTest {

  @TempDir static Path tmp;

  @BeforeAll
  static void generateData() {
    TinyModels.generateData(tmp.resolve("data"), 10, 2, "0.8,0.2,0");
  }

  private static int run(String... args) {
    CommandLine cl = CliMain.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    if (code != 0) {
      System.err.println(err);
    }
    return code;
  }

  private static Path train(String type, String preset) {
    Path out = tmp.resolve("run-" + type);
    assertEquals(
        0,
        run(
            "train",
            "--model-type",
            type,
            "--preset",
            preset,
            "--steps",
            "4",
            "--batch",
            "2",
            "--data",
            tmp.resolve("data/train").toString(),
            "--out",
            out.toString()));
    Path model =
        Files.isDirectory(out.resolve("final")) ? out.resolve("final") : out.resolve("best");
    assertTrue(Files.isRegularFile(model.resolve("model.json")), "a model folder in " + out);
    return model;
  }

  /** Runs eval with --json and returns the printed object. */
  private static JsonObject eval(Path model, String... extra) {
    PrintStream old = System.out;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      String[] base = {
        "eval",
        "--model",
        model.toString(),
        "--data",
        tmp.resolve("data/val").toString(),
        "-n",
        "4",
        "--json"
      };
      String[] args = new String[base.length + extra.length];
      System.arraycopy(base, 0, args, 0, base.length);
      System.arraycopy(extra, 0, args, base.length, extra.length);
      code = run(args);
    } finally {
      System.setOut(old);
    }
    assertEquals(0, code);
    return new Gson().fromJson(buf.toString(StandardCharsets.UTF_8), JsonObject.class);
  }

  @Test
  void mcDropoutTrainsAndIsScoredWithItsOwnEstimatorAndWithTta() throws Exception {
    Path model = train("mcdropout", "mcdropout-tiny");
    ModelInfo info = ModelStore.readInfo(model);
    assertEquals("mcdropout", info.modelType());
    assertEquals(0.2f, info.json().getAsJsonObject("architecture").get("dropout").getAsFloat());
    JsonObject own = eval(model);
    assertEquals("mcdropout", own.get("estimator").getAsString());
    assertEquals(2, own.get("cases").getAsInt());
    double ged = own.get("ged").getAsDouble();
    assertTrue(ged >= 0 && ged <= 2, "GED " + ged);
    JsonObject tta = eval(model, "--estimator", "tta");
    assertEquals("tta-mcdropout", tta.get("estimator").getAsString());
    try (Estimator e = Estimators.open(model)) {
      assertEquals(
          "model (epistemic) uncertainty: spread of MC dropout", e.capabilities().spreadMeaning());
    }
  }

  @Test
  void unetTrainsAndItsDefaultEstimatorIsDeterministic() throws Exception {
    Path model = train("unet", "unet-tiny");
    assertEquals("unet", ModelStore.readInfo(model).modelType());
    JsonObject own = eval(model);
    assertEquals("unet", own.get("estimator").getAsString());
    assertEquals(0.0, own.get("diversity").getAsDouble(), 0.0, "identical samples");
    try (Estimator e = Estimators.open(model)) {
      assertTrue(e.capabilities().deterministic());
    }
  }

  @Test
  void mismatchedPresetIsRefusedAsBadInput() {
    assertEquals(
        CliMain.EXIT_BAD_INPUT,
        run(
            "train",
            "--model-type",
            "unet",
            "--preset",
            "mcdropout-tiny",
            "--data",
            tmp.resolve("data/train").toString(),
            "--out",
            tmp.resolve("bad").toString()));
  }
}
