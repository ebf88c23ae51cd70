package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch eval and sample over the shipped sample data with the shipped model: one line per case, and
 * an interrupted run resumed without redoing finished cases gives the uninterrupted summary.
 */
class BatchEvalTest {

  private static final String MODEL = "models/probunet-shapes";
  private static final String DATA = "sample-data/test";
  private static final List<String> SCORES =
      List.of(
          "cases",
          "ged",
          "ged_ci_low",
          "ged_ci_high",
          "hm_iou",
          "hm_iou_ci_low",
          "hm_iou_ci_high",
          "diversity",
          "sncc",
          "dice_mean",
          "ece_percent",
          "empty_sample_fraction",
          "empty_rater_fraction");

  @TempDir Path tmp;

  @Test
  void anInterruptedEvalResumesWithoutRedoingCasesAndGivesTheSameSummary() throws IOException {
    Path whole = tmp.resolve("whole");
    assertEquals(0, eval(whole, "3").code());
    JsonObject full = summary(whole);
    assertEquals(3, lines(whole).size());
    assertEquals(3, full.get("computed").getAsInt());

    // "killed" after one case: the first run stops at --limit 1, the resumed one goes on to 3
    Path cut = tmp.resolve("cut");
    assertEquals(0, eval(cut, "1").code());
    assertEquals(1, lines(cut).size());
    TinyModels.Run again = eval(cut, "3", "--resume", "--workers", "2");
    assertEquals(0, again.code(), again.err());
    JsonObject resumed = summary(cut);
    assertEquals(2, resumed.get("computed").getAsInt(), "only the two missing cases are run");
    assertEquals(1, resumed.get("resumed").getAsInt());
    List<JsonObject> rows = lines(cut);
    assertEquals(3, rows.size());
    Set<Integer> indices = new TreeSet<>();
    rows.forEach(r -> indices.add(r.get("index").getAsInt()));
    assertEquals(Set.of(0, 1, 2), indices);
    for (String key : SCORES) {
      assertEquals(full.get(key), resumed.get(key), key);
    }
  }

  @Test
  void anExistingRunIsNotOverwrittenWithoutResume() throws IOException {
    Path out = tmp.resolve("run");
    Files.createDirectories(out);
    Files.writeString(out.resolve(ResultsLog.FILE_NAME), "");
    TinyModels.Run r = eval(out, "1");
    assertEquals(CliMain.EXIT_BAD_INPUT, r.code());
    assertTrue(r.err().contains("add --resume"), r.err());
  }

  @Test
  void batchSampleWritesOneFolderPerCaseAndResumes() throws IOException {
    Path out = tmp.resolve("samples");
    String[] args = {
      "sample", "--model", MODEL, "--data", DATA, "-n", "2", "--out", out.toString()
    };
    TinyModels.Run first = TinyModels.run(concat(args, "--limit", "1"));
    assertEquals(0, first.code(), first.err());
    TinyModels.Run second = TinyModels.run(concat(args, "--limit", "2", "--resume"));
    assertEquals(0, second.code(), second.err());
    assertTrue(second.err().contains("1 cases sampled"), second.err());
    assertTrue(second.err().contains("1 resumed"), second.err());
    List<JsonObject> rows = lines(out);
    assertEquals(
        List.of("synth-00280", "synth-00281"),
        rows.stream().map(r -> r.get("id").getAsString()).toList());
    for (JsonObject r : rows) {
      Path folder = out.resolve(r.get("folder").getAsString());
      assertTrue(
          Files.isRegularFile(folder.resolve(SampleFiles.name("sample", 0, 2))), folder.toString());
      assertTrue(Files.isRegularFile(folder.resolve("contact-sheet.png")));
      JsonObject s =
          JsonParser.parseString(Files.readString(folder.resolve("samples.json")))
              .getAsJsonObject();
      assertEquals(r.get("seed").getAsLong(), s.get("seed").getAsLong());
    }
  }

  private static TinyModels.Run eval(Path out, String limit, String... more) {
    return TinyModels.run(
        concat(
            new String[] {
              "eval",
              "--model",
              MODEL,
              "--data",
              DATA,
              "-n",
              "2",
              "--limit",
              limit,
              "--json",
              "--out",
              out.toString()
            },
            more));
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }

  private static JsonObject summary(Path out) throws IOException {
    return JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
  }

  private static List<JsonObject> lines(Path out) throws IOException {
    return Files.readAllLines(out.resolve(ResultsLog.FILE_NAME)).stream()
        .filter(l -> !l.isBlank())
        .map(l -> JsonParser.parseString(l).getAsJsonObject())
        .toList();
  }
}
