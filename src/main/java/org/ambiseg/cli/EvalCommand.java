package org.ambiseg.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;
import org.ambiseg.io.FolderLayoutDataset;
import org.ambiseg.metrics.CaseScores;
import org.ambiseg.metrics.DatasetAggregator;
import org.ambiseg.metrics.DatasetScores;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ambiseg eval}: samples every case of a dataset with a model and scores the samples against
 * the raters (GED, HM-IoU, S-NCC, Dice of the mean, ECE), printing a summary or JSON. Cases are
 * taken in the dataset's fixed order (sorted by case id); case i uses seed {@code seed + i}, so the
 * same command gives the same numbers.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Score a model's samples against a dataset's raters.")
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "model folder")
  Path model;

  @Option(names = "--data", required = true, description = "dataset (any supported format)")
  Path data;

  @Option(
      names = "--estimator",
      defaultValue = "default",
      description =
          "default (the model's own) or tta (test-time augmentation of a unet or mcdropout"
              + " model with dropout off)")
  String estimatorKind;

  @Option(
      names = {"-n", "--samples"},
      defaultValue = "16",
      description = "samples per case")
  int samples;

  @Option(names = "--limit", description = "score only the first N cases (sorted by id)")
  Integer limit;

  @Option(names = "--seed", defaultValue = "0", description = "seed; case i uses seed + i")
  long seed;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Option(names = "--per-case", description = "include per-case scores in the JSON")
  boolean perCase;

  @Option(
      names = "--truth",
      description =
          "also compare with the dataset's truth.json (synthetic data): interpretation"
              + " frequencies, mode counts and the oracle that samples from the truth")
  boolean truth;

  @Option(
      names = "--record",
      description = "store the results in the model's model.json under training.eval.<name>")
  String record;

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Override
  public Integer call() throws BadInputException {
    if (samples < 1) {
      throw new BadInputException("-n", "needs at least 1 sample, got " + samples);
    }
    long start = System.nanoTime();
    try (Estimator estimator = Estimators.open(model, estimatorKind);
        Dataset dataset = DatasetReaders.open(data)) {
      int n = limit == null ? dataset.size() : Math.min(limit, dataset.size());
      DatasetAggregator aggregator = new DatasetAggregator();
      JsonArray rows = new JsonArray();
      long emptySamples = 0;
      long emptyRaters = 0;
      long raterMasks = 0;
      int skipped = 0;
      FolderLayoutDataset withTruth = truthDataset(dataset);
      TruthComparison truthComparison = new TruthComparison();
      for (int i = 0; i < n; i++) {
        Case c;
        try {
          c = dataset.load(i);
        } catch (BadInputException e) {
          System.err.println("skipped: " + e.getMessage());
          skipped++;
          continue;
        }
        if (c.raters().isEmpty()) {
          skipped++;
          continue;
        }
        SampleSet set = estimator.sample(c.image(), samples, seed + i);
        CaseScores scores = aggregator.add(set, c.raters());
        if (withTruth != null) {
          truthComparison.add(set, withTruth.interpretations(i), c.raters(), seed + i);
        }
        for (int s = 0; s < set.size(); s++) {
          emptySamples += isEmpty(set.foreground(s)) ? 1 : 0;
        }
        for (var r : c.raters()) {
          emptyRaters += r.isEmpty() ? 1 : 0;
          raterMasks++;
        }
        if (perCase) {
          JsonObject row = new JsonObject();
          row.addProperty("id", c.id());
          row.addProperty("ged", scores.ged());
          row.addProperty("hm_iou", scores.hmIou());
          row.addProperty("diversity", scores.sampleDiversity());
          row.addProperty("dice_mean", scores.diceOfMeanVsRaters());
          scores.sncc().ifPresent(v -> row.addProperty("sncc", v));
          rows.add(row);
        }
        if (!json && (i + 1) % 100 == 0) {
          System.err.printf("%d/%d cases%n", i + 1, n);
        }
      }
      if (aggregator.caseCount() == 0) {
        throw new BadInputException(data, "no case with rater masks to score");
      }
      DatasetScores r = aggregator.result();
      double seconds = (System.nanoTime() - start) / 1e9;
      JsonObject o = new JsonObject();
      o.addProperty("model", model.toString());
      o.addProperty("estimator", estimator.name());
      o.addProperty("data", data.toString());
      o.addProperty("cases", r.caseCount());
      o.addProperty("skipped", skipped);
      o.addProperty("samples", samples);
      o.addProperty("seed", seed);
      o.addProperty("ged", r.ged().mean());
      o.addProperty("ged_ci_low", r.ged().lower());
      o.addProperty("ged_ci_high", r.ged().upper());
      o.addProperty("hm_iou", r.hmIou().mean());
      o.addProperty("hm_iou_ci_low", r.hmIou().lower());
      o.addProperty("hm_iou_ci_high", r.hmIou().upper());
      o.addProperty("diversity", r.meanSampleDiversity());
      r.meanSncc().ifPresent(v -> o.addProperty("sncc", v));
      o.addProperty("sncc_undefined_cases", r.undefinedSnccCount());
      o.addProperty("dice_mean", r.meanDiceOfMeanVsRaters());
      o.addProperty("ece_percent", r.ecePercent());
      o.addProperty("empty_sample_fraction", emptySamples / (double) (r.caseCount() * samples));
      o.addProperty("empty_rater_fraction", emptyRaters / (double) Math.max(1, raterMasks));
      o.addProperty("seconds", seconds);
      o.addProperty("seconds_per_case", seconds / r.caseCount());
      if (truthComparison.hasCases()) {
        truthComparison.toJson().entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
      }
      if (perCase) {
        o.add("per_case", rows);
      }
      if (record != null) {
        JsonObject stored = o.deepCopy();
        stored.remove("per_case");
        ModelInfo info = ModelStore.readInfo(model);
        JsonObject training = info.training();
        JsonObject evals =
            training.has("eval") ? training.getAsJsonObject("eval") : new JsonObject();
        evals.add(record, stored);
        try {
          ModelStore.writeInfo(model, info.withTrainingEntry("eval", evals));
        } catch (java.io.IOException e) {
          throw new BadInputException(model, "cannot record results (" + e.getMessage() + ")", e);
        }
      }
      if (json) {
        System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(o));
      } else {
        System.out.printf(
            Locale.ROOT,
            "%s on %s: %d cases, N = %d samples%n  GED(%d)    %.4f  [%.4f, %.4f]%n"
                + "  HM-IoU(%d) %.4f  [%.4f, %.4f]%n  diversity %.4f   Dice of mean %.4f   ECE %.3f %%"
                + "%n  S-NCC %s (%d cases undefined)%n  empty samples %.1f %%, empty rater masks"
                + " %.1f %%%n  %.1f s (%.3f s per case)%n",
            estimator.name(),
            data,
            r.caseCount(),
            samples,
            samples,
            r.ged().mean(),
            r.ged().lower(),
            r.ged().upper(),
            samples,
            r.hmIou().mean(),
            r.hmIou().lower(),
            r.hmIou().upper(),
            r.meanSampleDiversity(),
            r.meanDiceOfMeanVsRaters(),
            r.ecePercent(),
            r.meanSncc().isPresent()
                ? String.format(Locale.ROOT, "%.4f", r.meanSncc().getAsDouble())
                : "n/a",
            r.undefinedSnccCount(),
            100 * o.get("empty_sample_fraction").getAsDouble(),
            100 * o.get("empty_rater_fraction").getAsDouble(),
            seconds,
            seconds / r.caseCount());
      }
      if (!json && truthComparison.hasCases()) {
        JsonObject t = truthComparison.toJson();
        System.out.printf(
            Locale.ROOT,
            "  truth: frequency error %.1f pp (oracle %.1f pp), oracle GED(%d) %.4f,"
                + " modes match %.0f %% (oracle %.0f %%)%n",
            t.get("frequency_error_pp").getAsDouble(),
            t.get("oracle_frequency_error_pp").getAsDouble(),
            samples,
            t.get("oracle_ged").getAsDouble(),
            100 * t.get("modes_match_fraction").getAsDouble(),
            100 * t.get("oracle_modes_match_fraction").getAsDouble());
      }
      return 0;
    }
  }

  private FolderLayoutDataset truthDataset(Dataset dataset) throws BadInputException {
    if (!truth) {
      return null;
    }
    if (dataset instanceof FolderLayoutDataset folder && folder.hasTruth()) {
      return folder;
    }
    throw new BadInputException(data, "--truth needs an AmbiSeg folder dataset with truth.json");
  }

  private static boolean isEmpty(boolean[] mask) {
    for (boolean b : mask) {
      if (b) {
        return false;
      }
    }
    return true;
  }
}
