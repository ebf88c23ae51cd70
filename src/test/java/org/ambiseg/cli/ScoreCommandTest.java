package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.io.PngWriter;
import org.ambiseg.metrics.SampleNcc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {

  static final int W = 8;

  @TempDir Path tmp;

  /** A: the top two rows (16 pixels). */
  static LabelMask maskA() {
    return mask((x, y) -> y < 2);
  }

  /** B: the left half of A (8 pixels), so IoU(A, B) = 1/2. */
  static LabelMask maskB() {
    return mask((x, y) -> y < 2 && x < 4);
  }

  interface Fg {
    boolean at(int x, int y);
  }

  static LabelMask mask(Fg fg) {
    boolean[] f = new boolean[W * W];
    for (int y = 0; y < W; y++) {
      for (int x = 0; x < W; x++) {
        f[y * W + x] = fg.at(x, y);
      }
    }
    return LabelMask.binary(W, W, f);
  }

  /** An AmbiSeg folder dataset of 8x8 cases a, b, c, each with raters r1 = A and r2 = B. */
  static Path dataset(Path dir) throws IOException {
    for (String id : List.of("a", "b", "c")) {
      PngWriter.writeImage(dir.resolve("images/" + id + ".png"), Image2D.grey(W, W, grey()));
      PngWriter.writeMask(dir.resolve("masks/" + id + "/r1.png"), maskA());
      PngWriter.writeMask(dir.resolve("masks/" + id + "/r2.png"), maskB());
    }
    return dir;
  }

  private static float[] grey() {
    float[] px = new float[W * W];
    Arrays.fill(px, 0.5f);
    return px;
  }

  /** Writes the masks of one case as DIR/id/0.png, 1.png, ... */
  private static void samples(Path dir, String id, LabelMask... masks) throws IOException {
    for (int k = 0; k < masks.length; k++) {
      PngWriter.writeMask(dir.resolve(id).resolve(k + ".png"), masks[k]);
    }
  }

  @Test
  void scoresAgainstHandComputedValuesAndCountsMissingCases() throws IOException {
    Path data = dataset(tmp.resolve("data"));
    Path dir = tmp.resolve("samples");
    // case a: samples = raters {A, B}: GED 0, HM-IoU 1
    samples(dir, "a", maskA(), maskB());
    // case b: samples {A, A}; d(A, B) = 1/2:
    //   E d(S, Y) = (0 + 1/2 + 0 + 1/2) / 4 = 1/4, E d(S, S') = 0, E d(Y, Y') = 1/4
    //   GED = 2 / 4 - 0 - 1/4 = 1/4; HM-IoU = (IoU(A, A) + IoU(A, B)) / 2 = 3/4
    samples(dir, "b", maskA(), maskA());
    // case c has no folder: missing
    Path csv = tmp.resolve("scores.csv");
    TinyModels.Run r =
        TinyModels.run(
            "score",
            "--samples",
            dir.toString(),
            "--data",
            data.toString(),
            "--json",
            "--csv",
            csv.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(2, o.get("cases").getAsInt());
    assertEquals(1, o.get("missing").getAsInt());
    assertEquals("c", o.getAsJsonArray("missing_ids").get(0).getAsString());
    assertEquals(4, o.get("samples").getAsInt());
    assertEquals(0.125, o.get("ged").getAsDouble(), 1e-12);
    assertEquals(0.875, o.get("hm_iou").getAsDouble(), 1e-12);
    // mean of {A, B} and of {A, A} thresholded at 0.5 is A: Dice(A, A) = 1, Dice(A, B) = 2/3
    assertEquals(5.0 / 6, o.get("dice_mean").getAsDouble(), 1e-12);
    assertFalse(o.has("sncc"), "no probability maps, no S-NCC");
    JsonArray perCase = o.getAsJsonArray("per_case");
    assertEquals(2, perCase.size());
    assertEquals("a", perCase.get(0).getAsJsonObject().get("id").getAsString());
    assertEquals(0.0, perCase.get(0).getAsJsonObject().get("ged").getAsDouble(), 1e-12);
    assertEquals(0.25, perCase.get(1).getAsJsonObject().get("ged").getAsDouble(), 1e-12);
    assertEquals(0.75, perCase.get(1).getAsJsonObject().get("hm_iou").getAsDouble(), 1e-12);

    List<String> lines = Files.readAllLines(csv);
    assertEquals(3, lines.size());
    assertEquals("id,samples,raters,ged,hm_iou,diversity,dice_mean,sncc", lines.get(0));
    assertTrue(lines.get(2).startsWith("b,2,2,0.25,0.75,"), lines.get(2));

    TinyModels.Run text =
        TinyModels.run("score", "--samples", dir.toString(), "--data", data.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("GED       0.1250"), text.out());
  }

  @Test
  void probabilityMapsGiveSncc() throws IOException {
    Path data = dataset(tmp.resolve("data"));
    Path dir = tmp.resolve("samples");
    samples(dir, "a", maskA(), maskB());
    // probabilities 1 on A, 0.6 / 0.2 elsewhere: 8-bit grey
    float[] p0 = new float[W * W];
    float[] p1 = new float[W * W];
    boolean[] a = maskA().foreground();
    boolean[] b = maskB().foreground();
    for (int i = 0; i < p0.length; i++) {
      p0[i] = a[i] ? 1f : 0.2f;
      p1[i] = b[i] ? 1f : 0.6f;
    }
    PngWriter.writeImage(dir.resolve("a/prob-0.png"), Image2D.grey(W, W, p0));
    PngWriter.writeImage(dir.resolve("a/prob-1.png"), Image2D.grey(W, W, p1));
    TinyModels.Run r =
        TinyModels.run("score", "--samples", dir.toString(), "--data", data.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(1, o.get("sncc_cases").getAsInt());
    double expected =
        SampleNcc.compute(
                List.of(q(p0), q(p1)), List.of(maskA().foreground(), maskB().foreground()))
            .getAsDouble();
    assertEquals(expected, o.get("sncc").getAsDouble(), 1e-9);
  }

  /** The value an 8-bit PNG stores for p. */
  private static float[] q(float[] p) {
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = Math.round(p[i] * 255) / 255f;
    }
    return out;
  }

  @Test
  void aSampleFolderWithoutADatasetCaseIsAnError() throws IOException {
    Path data = dataset(tmp.resolve("data"));
    Path dir = tmp.resolve("samples");
    samples(dir, "a", maskA());
    samples(dir, "zz", maskA());
    TinyModels.Run r =
        TinyModels.run("score", "--samples", dir.toString(), "--data", data.toString());
    assertEquals(CliMain.EXIT_BAD_INPUT, r.code());
    assertTrue(r.err().startsWith("error: " + dir.resolve("zz")), r.err());
    assertTrue(r.err().contains("no case 'zz'"), r.err());
  }

  @Test
  void nestedFoldersAreIdsWithSlashes() throws IOException, BadInputException {
    Path dir = tmp.resolve("samples");
    samples(dir, "LIDC-0001/nodule1/slice5", maskA());
    samples(dir, "LIDC-0001/nodule2/slice1", maskA());
    Files.createDirectories(dir.resolve("empty"));
    Map<String, Path> index = SampleFolders.index(dir);
    assertEquals(
        List.of("LIDC-0001/nodule1/slice5", "LIDC-0001/nodule2/slice1"),
        List.copyOf(index.keySet()));
  }
}
