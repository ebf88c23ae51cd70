package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ambiseg.io.GifFrames;
import org.ambiseg.model.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on the model and sample data shipped in the repository, as a user runs them. */
class ShippedModelCliTest {

  private static final Path MODEL = Path.of("models/probunet-shapes");
  private static final Path IMAGE = Path.of("sample-data/test/images/synth-00280.png");

  @Test
  void sampleWritesMasksOfTheImageSizeAndHeatmaps(@TempDir Path out) throws Exception {
    TinyModels.Run run =
        TinyModels.run(
            "sample",
            "--model",
            MODEL.toString(),
            "--image",
            IMAGE.toString(),
            "-n",
            "6",
            "--seed",
            "3",
            "--out",
            out.toString());
    assertEquals(0, run.code(), run.err());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(
          6, files.filter(f -> f.getFileName().toString().matches("sample-\\d+\\.png")).count());
    }
    BufferedImage mask = ImageIO.read(out.resolve("sample-00.png").toFile());
    assertEquals(128, mask.getWidth());
    assertEquals(128, mask.getHeight());
    for (int y = 0; y < 128; y++) {
      for (int x = 0; x < 128; x++) {
        int v = mask.getRaster().getSample(x, y, 0);
        assertTrue(v == 0 || v == 255, "mask value " + v);
      }
    }
    for (String map :
        new String[] {
          "mean.png",
          "variance.png",
          "entropy.png",
          "mi.png",
          "contact-sheet.png",
          "modes.json",
          "samples.json"
        }) {
      assertTrue(Files.size(out.resolve(map)) > 0, map);
    }
  }

  @Test
  void exportGifHasOneLoopingFramePerSample(@TempDir Path out) throws Exception {
    Path gif = out.resolve("samples.gif");
    TinyModels.Run run =
        TinyModels.run(
            "export-gif",
            "--model",
            MODEL.toString(),
            "--image",
            IMAGE.toString(),
            "-n",
            "5",
            "--fps",
            "5",
            "--out",
            gif.toString());
    assertEquals(0, run.code(), run.err());
    GifFrames frames = GifFrames.read(gif);
    assertEquals(5, frames.count());
    assertTrue(frames.loopsForever());
    assertEquals(20, frames.delays().get(0));
  }

  @Test
  void evalScoresTheFirstCasesAndRecordsThem(@TempDir Path tmp) throws Exception {
    Path model = tmp.resolve("model");
    Files.createDirectories(model);
    for (String f : new String[] {"model.json", "model.params"}) {
      Files.copy(MODEL.resolve(f), model.resolve(f));
    }
    TinyModels.Run run =
        TinyModels.run(
            "eval",
            "--model",
            model.toString(),
            "--data",
            "sample-data/test",
            "-n",
            "4",
            "--limit",
            "3",
            "--truth",
            "--record",
            "check");
    assertEquals(0, run.code(), run.err());
    JsonObject recorded =
        ModelStore.readInfo(model).training().getAsJsonObject("eval").getAsJsonObject("check");
    assertEquals(3, recorded.get("cases").getAsInt());
    assertEquals(4, recorded.get("samples").getAsInt());
    double ged = recorded.get("ged").getAsDouble();
    double hm = recorded.get("hm_iou").getAsDouble();
    assertTrue(ged >= 0 && ged <= 2 && hm >= 0 && hm <= 1, recorded.toString());
    assertTrue(recorded.has("oracle_ged") && recorded.has("frequency_error_pp"));
  }
}
