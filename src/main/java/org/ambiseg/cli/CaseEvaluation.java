package org.ambiseg.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.ambiseg.core.Case;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.ModeClustering;
import org.ambiseg.metrics.CaseScorer;
import org.ambiseg.metrics.CaseScores;
import org.ambiseg.metrics.EceAccumulator;

/**
 * One case of {@code eval} as a line of {@code cases.jsonl}: its scores, its empty-mask counts and
 * its ECE bins (so that the dataset summary can be rebuilt from the lines alone, exactly, after a
 * resumed run), and optionally its comparison with the truth.
 */
final class CaseEvaluation {

  private CaseEvaluation() {}

  /** Scores case {@code c} (dataset index {@code index}, sampled with {@code seed}). */
  static JsonObject score(
      int index,
      Case c,
      SampleSet set,
      long seed,
      List<Interpretation> truth,
      ModeClustering clustering) {
    JsonObject row = new JsonObject();
    row.addProperty("index", index);
    row.addProperty("id", c.id());
    row.addProperty("seed", seed);
    CaseScores s = CaseScorer.score(set, c.raters());
    row.addProperty("ged", s.ged());
    row.addProperty("hm_iou", s.hmIou());
    row.addProperty("diversity", s.sampleDiversity());
    s.sncc().ifPresent(v -> row.addProperty("sncc", v));
    row.addProperty("dice_mean", s.diceOfMeanVsRaters());
    row.addProperty("samples", s.sampleCount());
    row.addProperty("raters", s.raterCount());
    int emptySamples = 0;
    for (int k = 0; k < set.size(); k++) {
      emptySamples += isEmpty(set.foreground(k)) ? 1 : 0;
    }
    int emptyRaters = 0;
    List<boolean[]> flags = new ArrayList<>();
    for (LabelMask r : c.raters()) {
      emptyRaters += r.isEmpty() ? 1 : 0;
      flags.add(r.foreground());
    }
    row.addProperty("empty_samples", emptySamples);
    row.addProperty("empty_raters", emptyRaters);
    EceAccumulator ece = new EceAccumulator();
    ece.add(CaseScorer.meanProbability(set), flags);
    JsonArray counts = new JsonArray();
    JsonArray sumP = new JsonArray();
    JsonArray sumF = new JsonArray();
    for (int b = 0; b < EceAccumulator.BINS; b++) {
      counts.add(ece.binCount(b));
      sumP.add(ece.binProbabilitySum(b));
      sumF.add(ece.binFractionSum(b));
    }
    row.add("ece_counts", counts);
    row.add("ece_probability_sums", sumP);
    row.add("ece_fraction_sums", sumF);
    if (truth != null) {
      TruthComparison.compare(clustering, set, truth, c.raters(), seed)
          .entrySet()
          .forEach(e -> row.add(e.getKey(), e.getValue()));
    }
    return row;
  }

  /** A line for a case that has no rater masks and so cannot be scored. */
  static JsonObject noRaters(int index, Case c) {
    JsonObject row = new JsonObject();
    row.addProperty("index", index);
    row.addProperty("id", c.id());
    row.addProperty("unscored", "no rater masks");
    return row;
  }

  /** True when the line holds scores (not an unreadable or unscored case). */
  static boolean isScored(JsonObject row) {
    return row.has("ged");
  }

  /** The scores of a scored line. */
  static CaseScores scores(JsonObject row) {
    return new CaseScores(
        row.get("ged").getAsDouble(),
        row.get("hm_iou").getAsDouble(),
        row.get("diversity").getAsDouble(),
        row.has("sncc") ? OptionalDouble.of(row.get("sncc").getAsDouble()) : OptionalDouble.empty(),
        row.get("dice_mean").getAsDouble(),
        row.get("samples").getAsInt(),
        row.get("raters").getAsInt());
  }

  /** The ECE bins of a scored line. */
  static EceAccumulator ece(JsonObject row) {
    long[] counts = new long[EceAccumulator.BINS];
    double[] sumP = new double[EceAccumulator.BINS];
    double[] sumF = new double[EceAccumulator.BINS];
    for (int b = 0; b < EceAccumulator.BINS; b++) {
      counts[b] = row.getAsJsonArray("ece_counts").get(b).getAsLong();
      sumP[b] = row.getAsJsonArray("ece_probability_sums").get(b).getAsDouble();
      sumF[b] = row.getAsJsonArray("ece_fraction_sums").get(b).getAsDouble();
    }
    return EceAccumulator.ofBins(counts, sumP, sumF);
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
