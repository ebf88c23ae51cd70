package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.util.List;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.SampleSet;
import org.ambiseg.metrics.InterpretationFrequencies;
import org.ambiseg.model.ExpertSamples;

/**
 * Compares a MoSE model's expert weights with a dataset's known interpretation probabilities
 * (truth.json), case by case. Each expert's compact-form samples are assigned to their closest
 * interpretations ({@link InterpretationFrequencies}); the probability the model gives
 * interpretation t is then implied_t = sum_k w_k * (fraction of expert k's samples assigned to t),
 * and the case's error is 100 / T * sum_t |implied_t - truth_t| percentage points. When every
 * expert reproduces one interpretation this is exactly the mean absolute difference between the
 * summed weights of the experts of each interpretation and its probability.
 */
final class ExpertWeightComparison {

  /** The per-case line's field, and the summary's field of the mean over cases. */
  static final String FIELD = "expert_weight_error_pp";

  private int cases;
  private double error;

  /** One case's error in percentage points: the model's expert groups against the truth. */
  static double compare(
      List<ExpertSamples> groups, List<Interpretation> truth, int width, int height) {
    double[] implied = new double[truth.size()];
    for (ExpertSamples group : groups) {
      SampleSet set = SampleSet.of(width, height, group.maps(), "expert", 0);
      List<Double> observed = InterpretationFrequencies.of(set.foregrounds(), truth).observed();
      for (int t = 0; t < implied.length; t++) {
        implied[t] += group.weight() * observed.get(t);
      }
    }
    double sum = 0;
    for (int t = 0; t < implied.length; t++) {
      sum += Math.abs(implied[t] - truth.get(t).probability());
    }
    return 100 * sum / implied.length;
  }

  /** Adds one case's line holding {@link #FIELD}. */
  void add(JsonObject row) {
    error += row.get(FIELD).getAsDouble();
    cases++;
  }

  /** True when at least one case was added. */
  boolean hasCases() {
    return cases > 0;
  }

  /** The mean error over cases as JSON fields. */
  JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("expert_weight_cases", cases);
    o.addProperty(FIELD, error / cases);
    return o;
  }
}
