package org.ambiseg.app.session;

import java.util.Optional;
import org.ambiseg.core.Case;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.ModeClustering;
import org.ambiseg.estimate.Modes;
import org.ambiseg.metrics.CaseScorer;
import org.ambiseg.metrics.CaseScores;

/**
 * What the app shows about one sample set: its modes (distinct interpretations) and, when the case
 * has rater masks, its per-case scores against them.
 *
 * @param modes the sample set's modes, heaviest first
 * @param scores GED, HM-IoU and the other per-case scores; empty when the case has no raters
 */
public record SampleAnalysis(Modes modes, Optional<CaseScores> scores) {

  /**
   * Finds the modes of {@code samples} (the estimator's own groups, e.g. MoSE's experts, or else
   * clustered ones) and scores the samples against {@code c}'s raters.
   */
  public static SampleAnalysis of(SampleSet samples, Case c) {
    Modes modes = ModeClustering.withDefaults().modesOf(samples);
    Optional<CaseScores> scores =
        c.raters().isEmpty()
            ? Optional.empty()
            : Optional.of(CaseScorer.score(samples, c.raters()));
    return new SampleAnalysis(modes, scores);
  }
}
