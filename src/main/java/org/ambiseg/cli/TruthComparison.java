package org.ambiseg.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.ModeClustering;
import org.ambiseg.io.synth.TruthSampler;
import org.ambiseg.metrics.CaseScorer;
import org.ambiseg.metrics.InterpretationFrequencies;

/**
 * Compares a model's samples with a dataset's known truth (truth.json of synthetic data), case by
 * case, next to the oracle that samples from the truth itself: the mean absolute error of the
 * interpretation frequencies (percentage points), GED against the raters, and whether the number of
 * modes found equals the number of true interpretations.
 *
 * <p>The summary also breaks both down: for each interpretation name, its mean truth probability
 * next to the mean frequency with which the model's samples (and the oracle's) reproduce it, over
 * the cases that have it; and the modes match by the number of true interpretations. These show
 * which interpretation a model misses, not only by how much it misses on average.
 */
final class TruthComparison {

  // slots of the per-interpretation sums
  private static final int CASES = 0;
  private static final int TRUTH = 1;
  private static final int MODEL = 2;
  private static final int ORACLE = 3;

  private final ModeClustering clustering = ModeClustering.withDefaults();
  private int cases;
  private double modelFrequencyError;
  private double oracleFrequencyError;
  private double oracleGed;
  private int modelModesMatch;
  private int oracleModesMatch;
  private final Map<String, double[]> byInterpretation = new TreeMap<>();
  private final Map<Integer, int[]> modesByTruthCount = new TreeMap<>();

  /**
   * Compares one case: the model's samples with the truth and the raters, next to the oracle drawn
   * with {@code seed}; the result holds the fields {@link #add(JsonObject)} reads.
   */
  static JsonObject compare(
      ModeClustering clustering,
      SampleSet modelSamples,
      List<Interpretation> truth,
      List<LabelMask> raters,
      long seed) {
    SampleSet oracle =
        SampleSet.ofMasks(
            new TruthSampler(truth).samples(modelSamples.size(), seed), "oracle", seed);
    JsonObject o = new JsonObject();
    InterpretationFrequencies model =
        InterpretationFrequencies.of(modelSamples.foregrounds(), truth);
    InterpretationFrequencies fromOracle =
        InterpretationFrequencies.of(oracle.foregrounds(), truth);
    o.addProperty("truth_frequency_error_pp", model.meanAbsoluteErrorPp());
    o.addProperty("truth_oracle_frequency_error_pp", fromOracle.meanAbsoluteErrorPp());
    o.add("truth_names", strings(model.names()));
    o.add("truth_probabilities", numbers(model.truth()));
    o.add("truth_model_frequencies", numbers(model.observed()));
    o.add("truth_oracle_frequencies", numbers(fromOracle.observed()));
    o.addProperty("truth_oracle_ged", CaseScorer.score(oracle, raters).ged());
    int modelModes = clustering.cluster(modelSamples).size();
    int oracleModes = clustering.cluster(oracle).size();
    o.addProperty("truth_modes", truth.size());
    o.addProperty("truth_model_modes", modelModes);
    o.addProperty("truth_oracle_modes", oracleModes);
    o.addProperty("truth_modes_match", modelModes == truth.size());
    o.addProperty("truth_oracle_modes_match", oracleModes == truth.size());
    return o;
  }

  /** Adds one case compared by {@link #compare}. */
  void add(JsonObject c) {
    modelFrequencyError += c.get("truth_frequency_error_pp").getAsDouble();
    oracleFrequencyError += c.get("truth_oracle_frequency_error_pp").getAsDouble();
    oracleGed += c.get("truth_oracle_ged").getAsDouble();
    modelModesMatch += c.get("truth_modes_match").getAsBoolean() ? 1 : 0;
    oracleModesMatch += c.get("truth_oracle_modes_match").getAsBoolean() ? 1 : 0;
    cases++;
    if (c.has("truth_names")) {
      JsonArray names = c.getAsJsonArray("truth_names");
      for (int k = 0; k < names.size(); k++) {
        double[] sums =
            byInterpretation.computeIfAbsent(names.get(k).getAsString(), n -> new double[4]);
        sums[CASES]++;
        sums[TRUTH] += c.getAsJsonArray("truth_probabilities").get(k).getAsDouble();
        sums[MODEL] += c.getAsJsonArray("truth_model_frequencies").get(k).getAsDouble();
        sums[ORACLE] += c.getAsJsonArray("truth_oracle_frequencies").get(k).getAsDouble();
      }
    }
    int[] modes =
        modesByTruthCount.computeIfAbsent(c.get("truth_modes").getAsInt(), n -> new int[3]);
    modes[0]++;
    modes[1] += c.get("truth_modes_match").getAsBoolean() ? 1 : 0;
    modes[2] += c.get("truth_oracle_modes_match").getAsBoolean() ? 1 : 0;
  }

  /** True when at least one case was added. */
  boolean hasCases() {
    return cases > 0;
  }

  /** The summary as JSON fields (means over cases). */
  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("truth_cases", cases);
    o.addProperty("frequency_error_pp", modelFrequencyError / cases);
    o.addProperty("oracle_frequency_error_pp", oracleFrequencyError / cases);
    o.addProperty("oracle_ged", oracleGed / cases);
    o.addProperty("modes_match_fraction", modelModesMatch / (double) cases);
    o.addProperty("oracle_modes_match_fraction", oracleModesMatch / (double) cases);
    o.addProperty("mode_threshold", clustering.threshold());
    JsonObject interpretations = new JsonObject();
    byInterpretation.forEach(
        (name, sums) -> {
          JsonObject row = new JsonObject();
          row.addProperty("cases", (int) sums[CASES]);
          row.addProperty("truth_pct", 100 * sums[TRUTH] / sums[CASES]);
          row.addProperty("model_pct", 100 * sums[MODEL] / sums[CASES]);
          row.addProperty("oracle_pct", 100 * sums[ORACLE] / sums[CASES]);
          interpretations.add(name, row);
        });
    o.add("frequency_by_interpretation", interpretations);
    JsonObject modes = new JsonObject();
    modesByTruthCount.forEach(
        (count, m) -> {
          JsonObject row = new JsonObject();
          row.addProperty("cases", m[0]);
          row.addProperty("model_match", m[1]);
          row.addProperty("oracle_match", m[2]);
          modes.add(Integer.toString(count), row);
        });
    o.add("modes_match_by_truth_modes", modes);
    return o;
  }

  private static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  private static JsonArray numbers(List<Double> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }
}
