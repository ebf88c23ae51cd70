package org.ambiseg.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;

/**
 * Collects the scores of an evaluation set case by case (only small per-case records and the ECE
 * bins are kept, never the images) and summarises them as {@link DatasetScores}: plain means over
 * cases, S-NCC averaged over the cases where it is defined, GED and HM-IoU with 95 %
 * percentile-bootstrap intervals ({@link Bootstrap}, fixed seed), and ECE pooled over all pixels
 * ({@link EceAccumulator}). Every case must use the same number of samples N. Not thread-safe.
 */
public final class DatasetAggregator {

  private final List<CaseScores> cases = new ArrayList<>();
  private final EceAccumulator ece = new EceAccumulator();
  private final int resamples;
  private final long seed;

  /** An aggregator with {@link Bootstrap#DEFAULT_RESAMPLES} and {@link Bootstrap#DEFAULT_SEED}. */
  public DatasetAggregator() {
    this(Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED);
  }

  /** An aggregator with the given bootstrap resample count and seed. */
  public DatasetAggregator(int resamples, long seed) {
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be positive, got " + resamples);
    }
    this.resamples = resamples;
    this.seed = seed;
  }

  /** Scores one case, adds it (scores and ECE pixels) and returns its scores. */
  public CaseScores add(SampleSet samples, List<LabelMask> raters) {
    CaseScores scores = CaseScorer.score(samples, raters);
    List<boolean[]> flags = new ArrayList<>(raters.size());
    for (LabelMask r : raters) {
      flags.add(r.foreground());
    }
    requireSameSampleCount(scores.sampleCount());
    ece.add(CaseScorer.meanProbability(samples), flags);
    cases.add(scores);
    return scores;
  }

  /**
   * Adds a case scored earlier (e.g. read back from a results file) with its own ECE bins; cases
   * added in the same order give the same summary as {@link #add(SampleSet, List)}, up to the
   * rounding of the pooled ECE sums.
   */
  public void add(CaseScores scores, EceAccumulator caseEce) {
    requireSameSampleCount(scores.sampleCount());
    ece.addAll(caseEce);
    cases.add(scores);
  }

  /** Number of cases added. */
  public int caseCount() {
    return cases.size();
  }

  /** The scores of the cases added so far, in order. */
  public List<CaseScores> cases() {
    return List.copyOf(cases);
  }

  /** The summary of all cases added so far (at least one). */
  public DatasetScores result() {
    if (cases.isEmpty()) {
      throw new IllegalStateException("no cases were added");
    }
    int n = cases.size();
    double[] ged = new double[n];
    double[] hmIou = new double[n];
    double diversity = 0;
    double dice = 0;
    double snccSum = 0;
    int snccDefined = 0;
    for (int c = 0; c < n; c++) {
      CaseScores s = cases.get(c);
      ged[c] = s.ged();
      hmIou[c] = s.hmIou();
      diversity += s.sampleDiversity();
      dice += s.diceOfMeanVsRaters();
      if (s.sncc().isPresent()) {
        snccSum += s.sncc().getAsDouble();
        snccDefined++;
      }
    }
    return new DatasetScores(
        n,
        cases.get(0).sampleCount(),
        Bootstrap.interval(ged, 0.95, resamples, seed),
        Bootstrap.interval(hmIou, 0.95, resamples, seed),
        diversity / n,
        snccDefined == 0 ? OptionalDouble.empty() : OptionalDouble.of(snccSum / snccDefined),
        n - snccDefined,
        dice / n,
        ece.ecePercent());
  }

  private void requireSameSampleCount(int sampleCount) {
    if (!cases.isEmpty() && cases.get(0).sampleCount() != sampleCount) {
      throw new IllegalArgumentException(
          "case has "
              + sampleCount
              + " samples, earlier cases "
              + cases.get(0).sampleCount()
              + ": scores with different N are not comparable");
    }
  }
}
