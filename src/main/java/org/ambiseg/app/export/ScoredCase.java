package org.ambiseg.app.export;

import java.util.Objects;
import org.ambiseg.metrics.CaseScores;

/**
 * One case's scores, for the per-case CSV.
 *
 * @param caseId the case's id
 * @param scores its scores
 */
public record ScoredCase(String caseId, CaseScores scores) {

  /** Checks that both are given. */
  public ScoredCase {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(scores, "scores");
  }
}
