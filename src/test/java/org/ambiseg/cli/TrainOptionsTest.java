package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The objective options of {@code train} reach the run's config.json, which --resume reads. */
class TrainOptionsTest {

  @Test
  void betaWeightDecayAndKlWarmupAreRecordedInTheRun(@TempDir Path tmp) throws Exception {
    TinyModels.generateData(tmp.resolve("data"), 8, 2, "1,0,0");
    Path out = tmp.resolve("run");
    StringWriter err = new StringWriter();
    int code =
        train(
            err,
            "--model-type",
            "probunet",
            "--preset",
            "probunet-tiny",
            "--steps",
            "2",
            "--batch",
            "2",
            "--beta",
            "2.5",
            "--weight-decay",
            "0",
            "--kl-warmup",
            "7",
            "--prior-anchor",
            "0.25",
            "--prior-ged",
            "0.5",
            "--data",
            tmp.resolve("data/train").toString(),
            "--out",
            out.toString());
    assertEquals(0, code, err.toString());
    JsonObject config =
        new Gson().fromJson(Files.readString(out.resolve("config.json")), JsonObject.class);
    JsonObject training = config.getAsJsonObject("training");
    assertEquals(2.5f, training.get("beta").getAsFloat());
    assertEquals(0f, training.get("weightDecay").getAsFloat());
    assertEquals(7, config.getAsJsonObject("objective").get("klWarmupSteps").getAsInt());
    assertEquals(0.25, config.getAsJsonObject("objective").get("priorAnchor").getAsDouble());
    assertEquals(0.5, config.getAsJsonObject("objective").get("priorGed").getAsDouble());
  }

  @ParameterizedTest
  @CsvSource({"--weight-decay, -1", "--prior-anchor, -0.5", "--prior-ged, -2"})
  void aNegativeWeightIsRefusedWithItsOption(String option, String value, @TempDir Path tmp)
      throws Exception {
    TinyModels.generateData(tmp.resolve("data"), 4, 2, "1,0,0");
    StringWriter err = new StringWriter();
    int code =
        train(
            err,
            "--preset",
            "probunet-tiny",
            "--steps",
            "2",
            option,
            value,
            "--data",
            tmp.resolve("data/train").toString(),
            "--out",
            tmp.resolve("run").toString());
    assertNotEquals(0, code);
    assertTrue(err.toString().contains(option), err.toString());
    assertFalse(Files.exists(tmp.resolve("run/checkpoints")), "nothing trained");
  }

  /** Runs {@code train} with {@code args}, its error output into {@code err}; the exit code. */
  private static int train(StringWriter err, String... args) {
    CommandLine cl = CliMain.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "train";
    System.arraycopy(args, 0, all, 1, args.length);
    return cl.execute(all);
  }
}
