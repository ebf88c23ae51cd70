package org.ambiseg.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.io.CsvWriter;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;
import org.ambiseg.metrics.CaseScorer;
import org.ambiseg.metrics.CaseScores;
import org.ambiseg.metrics.SampleNcc;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ambiseg score}: scores samples made by any model, stored as PNG masks (see {@link
 * SampleFolders} for the layout: {@code DIR/<id>/<k>.png}, optional {@code prob-<k>.png}), against
 * the raters of a dataset in any format {@link DatasetReaders} opens.
 *
 * <p>Per case: GED and HM-IoU of the hard masks against the raters, the sample diversity
 * E[d(S,S')], the Dice of the thresholded mean mask with each rater (averaged), and S-NCC only when
 * the case has probability maps (see {@link CaseScorer} and {@link SampleNcc}). The dataset values
 * are plain means over the scored cases (S-NCC over the cases where it is defined). Cases may have
 * different numbers of samples. Dataset cases without a sample folder are counted as missing; a
 * sample folder without a dataset case is an error naming the folder.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description =
        "Score sample masks from any model (DIR/<id>/<k>.png) against a dataset's raters.")
public final class ScoreCommand implements Callable<Integer> {

  /** Columns of the --csv file. */
  static final List<String> CSV_HEADER =
      List.of("id", "samples", "raters", "ged", "hm_iou", "diversity", "dice_mean", "sncc");

  /** Missing case ids listed in the JSON at most. */
  static final int MISSING_SHOWN = 20;

  @Option(names = "--samples", required = true, description = "folder of <id>/<k>.png samples")
  Path samplesDir;

  @Option(names = "--data", required = true, description = "dataset (any supported format)")
  Path data;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Option(names = "--csv", description = "write per-case scores to this CSV file")
  Path csv;

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Spec CommandSpec spec;

  /** One scored case. */
  private record Row(String id, CaseScores scores, OptionalDouble sncc) {}

  @Override
  public Integer call() throws BadInputException, IOException {
    CommandLine cl = spec.commandLine();
    PrintWriter err = cl.getErr();
    Map<String, Path> folders = SampleFolders.index(samplesDir);
    List<Row> rows = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    int skipped = 0;
    long sampleCount = 0;
    int minSamples = Integer.MAX_VALUE;
    int maxSamples = 0;
    try (Dataset dataset = DatasetReaders.open(data)) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < dataset.size(); i++) {
        index.put(dataset.caseId(i), i);
      }
      for (Map.Entry<String, Path> f : folders.entrySet()) {
        if (!index.containsKey(f.getKey())) {
          throw new BadInputException(
              f.getValue(), "no case '" + f.getKey() + "' in the dataset " + data);
        }
      }
      for (int i = 0; i < dataset.size(); i++) {
        String id = dataset.caseId(i);
        Path folder = folders.get(id);
        if (folder == null) {
          missing.add(id);
          continue;
        }
        Case c;
        try {
          c = dataset.load(i);
        } catch (BadInputException e) {
          err.println("skipped: " + e.getMessage());
          skipped++;
          continue;
        }
        if (c.raters().isEmpty()) {
          err.println("skipped: " + id + ": no rater masks");
          skipped++;
          continue;
        }
        SampleFolders.CaseSamples s =
            SampleFolders.read(id, folder, c.image().width(), c.image().height());
        rows.add(score(s, c.raters()));
        sampleCount += s.masks().size();
        minSamples = Math.min(minSamples, s.masks().size());
        maxSamples = Math.max(maxSamples, s.masks().size());
      }
    }
    if (rows.isEmpty()) {
      throw new BadInputException(samplesDir, "no sample folder matches a case with rater masks");
    }
    if (csv != null) {
      CsvWriter.write(csv, CSV_HEADER, csvRows(rows));
    }
    JsonObject o = summary(rows, missing, skipped, sampleCount, minSamples, maxSamples);
    if (json) {
      cl.getOut().println(new GsonBuilder().setPrettyPrinting().create().toJson(o));
    } else {
      printText(cl.getOut(), o);
    }
    cl.getOut().flush();
    return 0;
  }

  private static Row score(SampleFolders.CaseSamples s, List<LabelMask> raters) {
    SampleSet set = SampleSet.ofMasks(s.masks(), "samples", 0);
    CaseScores scores = CaseScorer.score(set, raters);
    OptionalDouble sncc = OptionalDouble.empty();
    if (s.hasProbabilities()) {
      List<boolean[]> flags = new ArrayList<>(raters.size());
      raters.forEach(r -> flags.add(r.foreground()));
      sncc = SampleNcc.compute(s.probabilities(), flags);
    }
    return new Row(s.id(), scores, sncc);
  }

  private JsonObject summary(
      List<Row> rows, List<String> missing, int skipped, long samples, int min, int max) {
    double ged = 0;
    double hmIou = 0;
    double diversity = 0;
    double dice = 0;
    double snccSum = 0;
    int snccCases = 0;
    JsonArray perCase = new JsonArray();
    for (Row r : rows) {
      ged += r.scores().ged();
      hmIou += r.scores().hmIou();
      diversity += r.scores().sampleDiversity();
      dice += r.scores().diceOfMeanVsRaters();
      if (r.sncc().isPresent()) {
        snccSum += r.sncc().getAsDouble();
        snccCases++;
      }
      JsonObject row = new JsonObject();
      row.addProperty("id", r.id());
      row.addProperty("samples", r.scores().sampleCount());
      row.addProperty("raters", r.scores().raterCount());
      row.addProperty("ged", r.scores().ged());
      row.addProperty("hm_iou", r.scores().hmIou());
      row.addProperty("diversity", r.scores().sampleDiversity());
      row.addProperty("dice_mean", r.scores().diceOfMeanVsRaters());
      r.sncc().ifPresent(v -> row.addProperty("sncc", v));
      perCase.add(row);
    }
    int n = rows.size();
    JsonObject o = new JsonObject();
    o.addProperty("samples_dir", samplesDir.toString());
    o.addProperty("data", data.toString());
    o.addProperty("cases", n);
    o.addProperty("missing", missing.size());
    JsonArray shown = new JsonArray();
    missing.stream().limit(MISSING_SHOWN).forEach(shown::add);
    o.add("missing_ids", shown);
    o.addProperty("skipped", skipped);
    o.addProperty("samples", samples);
    o.addProperty("samples_per_case_min", min);
    o.addProperty("samples_per_case_max", max);
    o.addProperty("ged", ged / n);
    o.addProperty("hm_iou", hmIou / n);
    o.addProperty("diversity", diversity / n);
    o.addProperty("dice_mean", dice / n);
    if (snccCases > 0) {
      o.addProperty("sncc", snccSum / snccCases);
    }
    o.addProperty("sncc_cases", snccCases);
    o.add("per_case", perCase);
    return o;
  }

  private static List<List<Object>> csvRows(List<Row> rows) {
    List<List<Object>> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      CaseScores s = r.scores();
      out.add(
          List.of(
              r.id(),
              s.sampleCount(),
              s.raterCount(),
              s.ged(),
              s.hmIou(),
              s.sampleDiversity(),
              s.diceOfMeanVsRaters(),
              r.sncc().isPresent() ? r.sncc().getAsDouble() : ""));
    }
    return out;
  }

  private static void printText(PrintWriter out, JsonObject o) {
    out.printf(
        Locale.ROOT,
        "%d cases scored (%d missing, %d skipped), %d samples (%d-%d per case)%n"
            + "  GED       %.4f%n  HM-IoU    %.4f%n  diversity %.4f%n  Dice of mean %.4f%n"
            + "  S-NCC     %s%n",
        o.get("cases").getAsInt(),
        o.get("missing").getAsInt(),
        o.get("skipped").getAsInt(),
        o.get("samples").getAsLong(),
        o.get("samples_per_case_min").getAsInt(),
        o.get("samples_per_case_max").getAsInt(),
        o.get("ged").getAsDouble(),
        o.get("hm_iou").getAsDouble(),
        o.get("diversity").getAsDouble(),
        o.get("dice_mean").getAsDouble(),
        o.has("sncc")
            ? String.format(
                Locale.ROOT,
                "%.4f (%d cases)",
                o.get("sncc").getAsDouble(),
                o.get("sncc_cases").getAsInt())
            : "n/a (no probability maps)");
  }
}
