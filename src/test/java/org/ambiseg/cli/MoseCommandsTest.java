package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleGroups;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.estimate.MoseEstimator;
import org.ambiseg.model.ExpertSamples;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.MoseSampler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** train --model-type mose (and --resume), Estimators.open and eval --truth end to end. */
class MoseCommandsTest {

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

  private static int train(Path out, String steps, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "train",
                "--model-type",
                "mose",
                "--preset",
                "mose-tiny",
                "--steps",
                steps,
                "--batch",
                "2",
                "--data",
                tmp.resolve("data/train").toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void moseTrainsResumesAndIsEvaluatedAgainstTheTruth() throws Exception {
    Path out = tmp.resolve("run");
    assertEquals(0, train(out, "2", "--samples-per-expert", "3"));
    assertEquals(
        0,
        run(
            "train",
            "--resume",
            "--steps",
            "4",
            "--data",
            tmp.resolve("data/train").toString(),
            "--out",
            out.toString()));
    Path model = out.resolve("final");
    ModelInfo info = ModelStore.readInfo(model);
    assertEquals("mose", info.modelType());
    assertEquals(4, info.training().get("steps").getAsInt());
    // the budget of the saved weights: steps and images up to them, wall time across the resume
    JsonObject budget = info.training().getAsJsonObject("budget");
    assertEquals(4, budget.get("steps").getAsInt());
    assertEquals(4 * 2, budget.get("images").getAsInt(), "4 steps of batch 2");
    assertTrue(budget.get("trainingWallSeconds").getAsDouble() > 0, budget.toString());
    assertTrue(budget.get("machine").getAsString().contains("CPU cores"), budget.toString());
    JsonObject objective = info.training().getAsJsonObject("objective");
    assertEquals(3, objective.get("samplesPerExpert").getAsInt(), "kept across --resume");
    assertTrue(objective.get("allAnnotations").getAsBoolean());
    assertEquals(2, info.json().getAsJsonObject("architecture").get("experts").getAsInt());

    try (Estimator e = Estimators.open(model)) {
      MoseEstimator mose = (MoseEstimator) e;
      assertEquals("mose", e.name());
      assertTrue(e.capabilities().hasLatentSpace() && !e.capabilities().hasLatentScales());
      Image2D image = Image2D.grey(32, 32, new float[32 * 32]);
      List<ExpertSamples> groups = mose.sampleCompact(image, 2, 5);
      assertEquals(2, groups.size());
      assertEquals(1, groups.get(0).weight() + groups.get(1).weight(), 1e-6);
      SampleSet standard = e.sample(image, 3, 5);
      assertEquals(3, standard.size());
      // the standard form says which expert drew each sample, with the gate's weights
      SampleGroups experts = standard.groups().orElseThrow();
      assertEquals("expert", experts.noun());
      try (MoseSampler.EncodedImage encoded = mose.sampler().encode(image)) {
        assertArrayEquals(encoded.standardExperts(3, 5), experts.groupOf());
        assertArrayEquals(encoded.weights(), experts.weights(), 0.0);
        assertArrayEquals(encoded.standard(3, 5).get(2), standard.probability(2), 0f);
      }
    }

    JsonObject eval = eval(model);
    assertEquals("mose", eval.get("estimator").getAsString());
    double ged = eval.get("ged").getAsDouble();
    assertTrue(ged >= 0 && ged <= 2, "GED " + ged);
    assertEquals(2, eval.get("expert_weight_cases").getAsInt());
    double err = eval.get("expert_weight_error_pp").getAsDouble();
    assertTrue(err >= 0 && err <= 100, "expert weight error " + err);
  }

  @Test
  void oneAnnotationPerImageTrainsAndBadValuesAreRefused() throws Exception {
    Path out = tmp.resolve("one");
    assertEquals(0, train(out, "2", "--annotations", "one"));
    JsonObject objective =
        ModelStore.readInfo(out.resolve("final")).training().getAsJsonObject("objective");
    assertTrue(!objective.get("allAnnotations").getAsBoolean());
    assertEquals(3, train(tmp.resolve("bad"), "2", "--annotations", "some"));
    assertTrue(!Files.exists(tmp.resolve("bad/config.json")));
  }

  private static JsonObject eval(Path model) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          run(
              "eval",
              "--model",
              model.toString(),
              "--data",
              tmp.resolve("data/val").toString(),
              "-n",
              "4",
              "--truth",
              "--json");
    } finally {
      System.setOut(old);
    }
    assertEquals(0, code);
    return new Gson().fromJson(buf.toString(StandardCharsets.UTF_8), JsonObject.class);
  }
}
