package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {

  @TempDir static Path shared;
  @TempDir Path tmp;

  static Path model;
  static Path image;

  @BeforeAll
  static void fixtures() throws IOException {
    model = TinyModels.save(shared.resolve("model"));
    image = TinyModels.image(shared.resolve("img.png"), 32, 32);
  }

  private static TinyModels.Run sample(Path out, long seed, String... extra) {
    String[] base = {
      "sample",
      "--model",
      model.toString(),
      "--image",
      image.toString(),
      "-n",
      "4",
      "--seed",
      Long.toString(seed),
      "--out",
      out.toString(),
      "--probabilities"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return TinyModels.run(args);
  }

  @Test
  void writesBinaryMasksHeatmapsModesAndSheet() throws IOException {
    Path out = tmp.resolve("out");
    TinyModels.Run r = sample(out, 7);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("4 samples"), r.out());
    for (int k = 0; k < 4; k++) {
      BufferedImage m = ImageIO.read(out.resolve("sample-0" + k + ".png").toFile());
      assertEquals(32, m.getWidth());
      assertEquals(32, m.getHeight());
      Raster ras = m.getRaster();
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          int v = ras.getSample(x, y, 0);
          assertTrue(v == 0 || v == 255, "mask value " + v);
        }
      }
    }
    assertFalse(Files.exists(out.resolve("sample-04.png")));
    for (String stem : new String[] {"mean", "variance", "entropy", "mi"}) {
      BufferedImage heat = ImageIO.read(out.resolve(stem + ".png").toFile());
      assertEquals(32, heat.getWidth());
      assertEquals(32, heat.getHeight());
      BufferedImage raw = ImageIO.read(out.resolve(stem + "16.png").toFile());
      assertEquals(16, raw.getColorModel().getComponentSize(0), stem + "16.png bit depth");
    }

    // mean16.png holds the mean of the four probability maps (scale 1), to 16-bit precision
    Raster mean16 = ImageIO.read(out.resolve("mean16.png").toFile()).getRaster();
    Raster[] probs = new Raster[4];
    for (int k = 0; k < 4; k++) {
      probs[k] = ImageIO.read(out.resolve("prob-0" + k + ".png").toFile()).getRaster();
    }
    for (int y = 0; y < 32; y += 5) {
      for (int x = 0; x < 32; x += 3) {
        double sum = 0;
        for (Raster p : probs) {
          sum += p.getSample(x, y, 0) / 65535.0;
        }
        assertEquals(sum / 4, mean16.getSample(x, y, 0) / 65535.0, 2e-5);
      }
    }

    JsonObject modes = json(out.resolve("modes.json"));
    double weights = 0;
    Set<Integer> members = new HashSet<>();
    for (JsonElement m : modes.getAsJsonArray("modes")) {
      weights += m.getAsJsonObject().get("weight").getAsDouble();
      m.getAsJsonObject().getAsJsonArray("members").forEach(e -> members.add(e.getAsInt()));
    }
    assertEquals(1.0, weights, 1e-9);
    assertEquals(Set.of(0, 1, 2, 3), members);

    JsonObject s = json(out.resolve("samples.json"));
    assertEquals("tiny", s.get("model_name").getAsString());
    assertEquals("probunet", s.get("estimator").getAsString());
    assertEquals(7, s.get("seed").getAsLong());
    assertEquals(4, s.get("n").getAsInt());
    assertEquals(image.toString(), s.get("image").getAsString());
    assertEquals(0, s.getAsJsonArray("warnings").size());

    // 1 image + 4 samples + mean = 6 tiles of 128 px (32 px x 4) in 3 columns, 2 rows:
    // width 4 + 3 * (128 + 4) = 400, height 4 + 18 (title) + 4 + 2 * (128 + 4) = 290
    BufferedImage sheet = ImageIO.read(out.resolve("contact-sheet.png").toFile());
    assertEquals(400, sheet.getWidth());
    assertEquals(290, sheet.getHeight());
  }

  @Test
  void sameSeedGivesIdenticalFilesAndAnotherSeedOtherProbabilities() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path c = tmp.resolve("c");
    assertEquals(0, sample(a, 3).code());
    assertEquals(0, sample(b, 3).code());
    assertEquals(0, sample(c, 4).code());
    for (String f :
        new String[] {"sample-00.png", "sample-03.png", "prob-02.png", "mean16.png", "mi.png"}) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
    assertFalse(
        Arrays.equals(
            Files.readAllBytes(a.resolve("prob-00.png")),
            Files.readAllBytes(c.resolve("prob-00.png"))),
        "seeds 3 and 4 gave the same probability map");
  }

  @Test
  void warnsWhenTheImageIsOutsideTheTrainingDomain() throws IOException {
    Path big = TinyModels.image(tmp.resolve("big.png"), 40, 40);
    Path out = tmp.resolve("out");
    TinyModels.Run r =
        TinyModels.run(
            "sample",
            "--model",
            model.toString(),
            "--image",
            big.toString(),
            "-n",
            "2",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err().contains("warning: the image is 40x40 but the model was trained on 32x32"),
        r.err());
    JsonObject s = json(out.resolve("samples.json"));
    assertEquals(1, s.getAsJsonArray("warnings").size());
  }

  private static JsonObject json(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }
}
