package org.ambiseg.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.estimate.HpuNetEstimator;
import org.ambiseg.estimate.ModeClustering;
import org.ambiseg.estimate.MoseEstimator;
import org.ambiseg.estimate.ScaleVariation;
import org.ambiseg.io.AtomicFiles;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;
import org.ambiseg.io.FolderLayoutDataset;
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
 *
 * <p>Cases run on {@code --workers} threads, each with its own estimator. With {@code --out DIR}
 * every finished case is appended at once to {@code DIR/cases.jsonl} and the summary is written to
 * {@code DIR/summary.json}; {@code --resume} continues a killed run, skipping the cases already in
 * the file. The summary is always rebuilt from the per-case lines in index order, so it does not
 * depend on the worker count or on interruptions.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Score a model's samples against a dataset's raters.")
public final class EvalCommand implements Callable<Integer> {

  private static final double PROGRESS_SECONDS = 10;

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
              + " frequencies, mode counts and the oracle that samples from the truth;"
              + " for MoSE also its expert weights against the truth probabilities")
  boolean truth;

  @Option(
      names = "--scale-variation",
      description =
          "HPU-Net: also sample N per scale with only that scale varying and report the fraction"
              + " of pixels each scale changes")
  boolean scaleVariation;

  @Option(
      names = "--record",
      description = "store the results in the model's model.json under training.eval.<name>")
  String record;

  @Option(
      names = "--workers",
      defaultValue = "1",
      description =
          "cases evaluated at once, each worker with its own copy of the model (default"
              + " ${DEFAULT-VALUE}: libtorch already uses every core for one case)")
  int workers;

  @Option(
      names = "--out",
      description =
          "batch output folder: cases.jsonl (one line per case, written as each case finishes)"
              + " and summary.json")
  Path out;

  @Option(
      names = "--resume",
      description = "continue the run in --out: cases already in cases.jsonl are not redone")
  boolean resume;

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    if (samples < 1) {
      throw new BadInputException("-n", "needs at least 1 sample, got " + samples);
    }
    if (workers < 1) {
      throw new BadInputException("--workers", "needs at least 1 worker, got " + workers);
    }
    if (resume && out == null) {
      throw new BadInputException("--resume", "needs --out (the folder of the run to continue)");
    }
    BatchRunner.limitEngineThreads(workers);
    try (Dataset dataset = DatasetReaders.open(data);
        ResultsLog log = out == null ? null : ResultsLog.open(out, resume)) {
      int n = limit == null ? dataset.size() : Math.min(limit, dataset.size());
      FolderLayoutDataset withTruth = truthDataset(dataset);
      Map<Integer, JsonObject> rows = new TreeMap<>();
      if (log != null) {
        rows.putAll(log.done());
        rows.keySet().removeIf(i -> i >= n);
      }
      List<Integer> todo = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (!rows.containsKey(i)) {
          todo.add(i);
        }
      }
      if (!rows.isEmpty()) {
        System.err.printf("resuming %s: %d of %d cases already done%n", out, rows.size(), n);
      }
      String[] estimatorName = {null};
      BatchRunner<EvalWorker> runner =
          new BatchRunner<>(
              workers,
              () -> new EvalWorker(Estimators.open(model, estimatorKind)),
              (w, i, c) -> {
                estimatorName[0] = w.estimator().name();
                if (c.raters().isEmpty()) {
                  return CaseEvaluation.noRaters(i, c);
                }
                SampleSet set = w.estimator().sample(c.image(), samples, seed + i);
                List<Interpretation> truthOfCase = null;
                if (withTruth != null) {
                  synchronized (withTruth) {
                    truthOfCase = withTruth.interpretations(i);
                  }
                }
                JsonObject row =
                    CaseEvaluation.score(i, c, set, seed + i, truthOfCase, w.clustering());
                if (truthOfCase != null && w.estimator() instanceof MoseEstimator mose) {
                  row.addProperty(
                      ExpertWeightComparison.FIELD,
                      ExpertWeightComparison.compare(
                          mose.sampleCompact(c.image(), samples, seed + i),
                          truthOfCase,
                          c.image().width(),
                          c.image().height()));
                }
                if (w.estimator() instanceof HpuNetEstimator hpu) {
                  row.add(
                      PerScaleMean.KL,
                      PerScaleMean.toJson(hpu.klPerScale(c.image(), c.raters(), seed + i)));
                  if (scaleVariation) {
                    row.add(
                        PerScaleMean.CHANGED,
                        PerScaleMean.toJson(
                            ScaleVariation.changedFractionPerScale(
                                hpu, c.image(), samples, seed + i)));
                  }
                }
                return row;
              },
              json ? new PrintStream(OutputStream.nullOutputStream()) : System.err,
              PROGRESS_SECONDS);
      BatchRunner.Stats stats =
          runner.run(
              dataset,
              todo,
              row -> {
                if (log != null) {
                  log.append(row);
                }
                synchronized (rows) {
                  rows.put(row.get("index").getAsInt(), row);
                }
              });
      JsonObject o = summarize(rows, stats, estimatorName[0]);
      if (out != null) {
        AtomicFiles.writeString(
            out.resolve("summary.json"),
            new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n");
      }
      record(o);
      print(o);
      return 0;
    }
  }

  /** The dataset summary, rebuilt from the per-case lines in index order. */
  private JsonObject summarize(Map<Integer, JsonObject> rows, BatchRunner.Stats stats, String name)
      throws BadInputException {
    DatasetAggregator aggregator = new DatasetAggregator();
    TruthComparison truthComparison = new TruthComparison();
    ExpertWeightComparison expertWeights = new ExpertWeightComparison();
    List<PerScaleMean> perScale =
        List.of(new PerScaleMean(PerScaleMean.KL), new PerScaleMean(PerScaleMean.CHANGED));
    JsonArray perCaseRows = new JsonArray();
    long emptySamples = 0;
    long emptyRaters = 0;
    long raterMasks = 0;
    int skipped = 0;
    for (JsonObject row : rows.values()) {
      if (!CaseEvaluation.isScored(row)) {
        if (row.has("unreadable")) {
          System.err.println("skipped: " + row.get("unreadable").getAsString());
        }
        skipped++;
        continue;
      }
      aggregator.add(CaseEvaluation.scores(row), CaseEvaluation.ece(row));
      emptySamples += row.get("empty_samples").getAsLong();
      emptyRaters += row.get("empty_raters").getAsLong();
      raterMasks += row.get("raters").getAsLong();
      if (row.has("truth_frequency_error_pp")) {
        truthComparison.add(row);
      }
      if (row.has(ExpertWeightComparison.FIELD)) {
        expertWeights.add(row);
      }
      perScale.forEach(p -> p.addIfPresent(row));
      if (perCase) {
        JsonObject p = new JsonObject();
        for (String key : List.of("id", "ged", "hm_iou", "diversity", "dice_mean", "sncc")) {
          if (row.has(key)) {
            p.add(key, row.get(key));
          }
        }
        perCaseRows.add(p);
      }
    }
    if (aggregator.caseCount() == 0) {
      throw new BadInputException(data, "no case with rater masks to score");
    }
    DatasetScores r = aggregator.result();
    JsonObject o = new JsonObject();
    o.addProperty("model", model.toString());
    o.addProperty("estimator", name == null ? estimatorKind : name);
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
    o.addProperty("workers", workers);
    o.addProperty("computed", stats.computed());
    o.addProperty("resumed", rows.size() - stats.computed() - stats.unreadable());
    o.addProperty("seconds", stats.seconds());
    o.addProperty("seconds_per_case", stats.seconds() / Math.max(1, stats.computed()));
    o.addProperty("cases_per_second", stats.casesPerSecond());
    if (truthComparison.hasCases()) {
      truthComparison.toJson().entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
    }
    if (expertWeights.hasCases()) {
      expertWeights.toJson().entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
    }
    perScale.forEach(p -> p.addTo(o));
    if (perCase) {
      o.add("per_case", perCaseRows);
    }
    return o;
  }

  private void record(JsonObject o) throws BadInputException {
    if (record == null) {
      return;
    }
    JsonObject stored = o.deepCopy();
    stored.remove("per_case");
    ModelInfo info = ModelStore.readInfo(model);
    JsonObject training = info.training();
    JsonObject evals = training.has("eval") ? training.getAsJsonObject("eval") : new JsonObject();
    evals.add(record, stored);
    try {
      ModelStore.writeInfo(model, info.withTrainingEntry("eval", evals));
    } catch (IOException e) {
      throw new BadInputException(model, "cannot record results (" + e.getMessage() + ")", e);
    }
  }

  private void print(JsonObject o) {
    if (json) {
      System.out.println(new GsonBuilder().setPrettyPrinting().create().toJson(o));
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%s on %s: %d cases, N = %d samples%n  GED(%d)    %.4f  [%.4f, %.4f]%n"
            + "  HM-IoU(%d) %.4f  [%.4f, %.4f]%n  diversity %.4f   Dice of mean %.4f   ECE %.3f %%"
            + "%n  S-NCC %s (%d cases undefined)%n  empty samples %.1f %%, empty rater masks"
            + " %.1f %%%n  %.1f s (%.3f s per case, %.2f cases/s; %d computed, %d resumed,"
            + " %d workers)%n",
        o.get("estimator").getAsString(),
        data,
        o.get("cases").getAsInt(),
        samples,
        samples,
        o.get("ged").getAsDouble(),
        o.get("ged_ci_low").getAsDouble(),
        o.get("ged_ci_high").getAsDouble(),
        samples,
        o.get("hm_iou").getAsDouble(),
        o.get("hm_iou_ci_low").getAsDouble(),
        o.get("hm_iou_ci_high").getAsDouble(),
        o.get("diversity").getAsDouble(),
        o.get("dice_mean").getAsDouble(),
        o.get("ece_percent").getAsDouble(),
        o.has("sncc") ? String.format(Locale.ROOT, "%.4f", o.get("sncc").getAsDouble()) : "n/a",
        o.get("sncc_undefined_cases").getAsInt(),
        100 * o.get("empty_sample_fraction").getAsDouble(),
        100 * o.get("empty_rater_fraction").getAsDouble(),
        o.get("seconds").getAsDouble(),
        o.get("seconds_per_case").getAsDouble(),
        o.get("cases_per_second").getAsDouble(),
        o.get("computed").getAsInt(),
        o.get("resumed").getAsInt(),
        workers);
    if (o.has("truth_cases")) {
      System.out.printf(
          Locale.ROOT,
          "  truth: frequency error %.1f pp (oracle %.1f pp), oracle GED(%d) %.4f,"
              + " modes match %.0f %% (oracle %.0f %%)%n",
          o.get("frequency_error_pp").getAsDouble(),
          o.get("oracle_frequency_error_pp").getAsDouble(),
          samples,
          o.get("oracle_ged").getAsDouble(),
          100 * o.get("modes_match_fraction").getAsDouble(),
          100 * o.get("oracle_modes_match_fraction").getAsDouble());
      o.getAsJsonObject("frequency_by_interpretation")
          .entrySet()
          .forEach(
              e -> {
                JsonObject r = e.getValue().getAsJsonObject();
                System.out.printf(
                    Locale.ROOT,
                    "    %-12s in %2d cases: truth %5.1f %%, model %5.1f %%, oracle %5.1f %%%n",
                    e.getKey(),
                    r.get("cases").getAsInt(),
                    r.get("truth_pct").getAsDouble(),
                    r.get("model_pct").getAsDouble(),
                    r.get("oracle_pct").getAsDouble());
              });
      o.getAsJsonObject("modes_match_by_truth_modes")
          .entrySet()
          .forEach(
              e -> {
                JsonObject r = e.getValue().getAsJsonObject();
                System.out.printf(
                    Locale.ROOT,
                    "    cases with %s true mode(s): modes match %d of %d (oracle %d)%n",
                    e.getKey(),
                    r.get("model_match").getAsInt(),
                    r.get("cases").getAsInt(),
                    r.get("oracle_match").getAsInt());
              });
    }
    if (o.has(PerScaleMean.KL)) {
      System.out.println(
          "  KL(q || p) per latent scale, coarse to fine (nats, mean over raters and cases): "
              + PerScaleMean.format(o.getAsJsonArray(PerScaleMean.KL)));
    }
    if (o.has(PerScaleMean.CHANGED)) {
      System.out.println(
          "  pixels changed when only one scale varies, coarse to fine (fraction): "
              + PerScaleMean.format(o.getAsJsonArray(PerScaleMean.CHANGED)));
    }
    if (o.has(ExpertWeightComparison.FIELD)) {
      System.out.printf(
          Locale.ROOT,
          "  expert weights vs truth probabilities: mean absolute difference %.1f pp"
              + " (%d samples per expert)%n",
          o.get(ExpertWeightComparison.FIELD).getAsDouble(),
          samples);
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

  /** One worker's estimator (never shared between threads) and mode clustering. */
  private record EvalWorker(Estimator estimator, ModeClustering clustering)
      implements AutoCloseable {

    EvalWorker(Estimator estimator) {
      this(estimator, ModeClustering.withDefaults());
    }

    @Override
    public void close() {
      estimator.close();
    }
  }
}
