package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.PngWriter;
import org.ambiseg.model.BlockParameters;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.TensorBundle;
import org.ambiseg.model.TrainingDomain;
import picocli.CommandLine;

/** Test fixtures for the CLI: an untrained probunet-tiny model folder, images, and a runner. */
final class TinyModels {

  private TinyModels() {}

  /** Saves an untrained probunet-tiny (32x32 grey training domain) to {@code dir}. */
  static Path save(Path dir) throws IOException {
    try (ProbUNetModel m = ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 1, Device.cpu())) {
      ModelStore.save(
          dir,
          ModelInfo.create(
              "tiny",
              "probunet",
              new Gson().toJsonTree(m.config()),
              Normalization.IDENTITY,
              new TrainingDomain(32, 32, 1, 0.5f, 0.2f, "test"),
              null),
          new TensorBundle(BlockParameters.export(m.block()), new JsonObject()));
    }
    return dir;
  }

  /** A grey PNG with a bright disc in the middle on a mid-grey background. */
  static Path image(Path file, int w, int h) throws IOException {
    float[] px = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = Math.hypot(x - w / 2.0, y - h / 2.0);
        px[y * w + x] = d < Math.min(w, h) / 4.0 ? 0.9f : 0.4f + 0.01f * ((x * 7 + y * 3) % 10);
      }
    }
    PngWriter.writeImage(file, Image2D.grey(w, h, px));
    return file;
  }

  /**
   * Writes a synthetic dataset of {@code cases} 32 x 32 cases with {@code gen-data} into {@code
   * out}, split train,val,test by the fractions in {@code split}; fails the test if it cannot.
   */
  static void generateData(Path out, int cases, int seed, String split) {
    Run r =
        run(
            "gen-data",
            "--out",
            out.toString(),
            "--cases",
            Integer.toString(cases),
            "--size",
            "32",
            "--seed",
            Integer.toString(seed),
            "--split",
            split);
    assertEquals(0, r.code(), r.err());
  }

  /** Result of one CLI run. */
  record Run(int code, String out, String err) {}

  /** Runs the CLI with picocli's out and err captured. */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = CliMain.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
