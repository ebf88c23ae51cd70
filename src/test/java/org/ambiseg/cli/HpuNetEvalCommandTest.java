package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * eval on an HPU-Net reports the KL of every latent scale (mean over raters and cases) and, with
 * --scale-variation, the fraction of pixels each scale changes on its own; other models report
 * neither.
 */
class HpuNetEvalCommandTest {

  @TempDir Path tmp;

  @Test
  void evalReportsPerScaleKlAndScaleVariation() throws Exception {
    Path data = tmp.resolve("data");
    TinyModels.generateData(data, 8, 3, "0.75,0.25,0");
    Path run = tmp.resolve("run");
    TinyModels.Run train =
        TinyModels.run(
            "train",
            "--model-type",
            "hpunet",
            "--preset",
            "hpunet-tiny",
            "--steps",
            "2",
            "--batch",
            "2",
            "--data",
            data.resolve("train").toString(),
            "--out",
            run.toString());
    assertEquals(0, train.code(), train.err());

    JsonObject o = eval("--model", run.resolve("final").toString(), "--scale-variation");
    assertEquals("hpunet", o.get("estimator").getAsString());
    JsonArray kl = o.getAsJsonArray("kl_per_scale");
    assertEquals(2, kl.size(), "hpunet-tiny has two latent scales");
    for (int s = 0; s < 2; s++) {
      double v = kl.get(s).getAsDouble();
      assertTrue(Double.isFinite(v) && v >= 0, "KL of scale " + s + ": " + v);
    }
    JsonArray changed = o.getAsJsonArray("changed_fraction_per_scale");
    assertEquals(2, changed.size());
    for (int s = 0; s < 2; s++) {
      double v = changed.get(s).getAsDouble();
      assertTrue(v >= 0 && v <= 1, "changed fraction of scale " + s + ": " + v);
    }

    JsonObject without = eval("--model", run.resolve("final").toString());
    assertTrue(without.has("kl_per_scale"));
    assertFalse(without.has("changed_fraction_per_scale"), "only with --scale-variation");

    Path probunet = TinyModels.save(tmp.resolve("probunet"));
    JsonObject other = eval("--model", probunet.toString(), "--scale-variation");
    assertFalse(other.has("kl_per_scale"), "no latent scales, no per-scale KL");
  }

  private JsonObject eval(String... modelArgs) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    TinyModels.Run r;
    try {
      String[] args = new String[modelArgs.length + 6];
      args[0] = "eval";
      System.arraycopy(modelArgs, 0, args, 1, modelArgs.length);
      int i = modelArgs.length + 1;
      args[i++] = "--data";
      args[i++] = tmp.resolve("data/val").toString();
      args[i++] = "-n";
      args[i++] = "4";
      args[i] = "--json";
      r = TinyModels.run(args);
    } finally {
      System.setOut(old);
    }
    assertEquals(0, r.code(), r.err());
    return new Gson().fromJson(buf.toString(StandardCharsets.UTF_8), JsonObject.class);
  }
}
