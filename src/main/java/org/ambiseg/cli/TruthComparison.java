package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.util.List;
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
 */
final class TruthComparison {

  private final ModeClustering clustering = ModeClustering.withDefaults();
  private int cases;
  private double modelFrequencyError;
  private double oracleFrequencyError;
  private double oracleGed;
  private int modelModesMatch;
  private int oracleModesMatch;

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
    o.addProperty(
        "truth_frequency_error_pp",
        InterpretationFrequencies.of(modelSamples.foregrounds(), truth).meanAbsoluteErrorPp());
    o.addProperty(
        "truth_oracle_frequency_error_pp",
        InterpretationFrequencies.of(oracle.foregrounds(), truth).meanAbsoluteErrorPp());
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
    return o;
  }
}
