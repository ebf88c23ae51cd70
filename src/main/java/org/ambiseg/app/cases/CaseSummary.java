package org.ambiseg.app.cases;

import java.util.Objects;
import java.util.Optional;

/**
 * What the case list shows about one case of an open dataset, kept after checking so the list needs
 * no pixels in memory.
 *
 * @param index the case's index in its {@link org.ambiseg.io.Dataset}, used to load it again
 * @param id the case id
 * @param patientId the patient id when the format has one
 * @param raters the number of rater masks, or {@link #UNCHECKED} before the case has been decoded
 * @param outlined how many of those masks are not empty (for LIDC: the readers who outlined the
 *     nodule on this slice), or {@link #UNCHECKED}
 */
public record CaseSummary(
    int index, String id, Optional<String> patientId, int raters, int outlined) {

  /** The rater counts of a case not decoded yet. */
  public static final int UNCHECKED = -1;

  /** Checks the id and that the counts are consistent. */
  public CaseSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(patientId, "patientId");
    boolean unchecked = raters == UNCHECKED && outlined == UNCHECKED;
    if (!unchecked && (raters < 0 || outlined < 0 || outlined > raters)) {
      throw new IllegalArgumentException(
          "case " + id + ": " + outlined + " outlined of " + raters + " raters");
    }
  }

  /** A case known from the dataset's index only, its raters not counted yet. */
  public static CaseSummary unchecked(int index, String id, Optional<String> patientId) {
    return new CaseSummary(index, id, patientId, UNCHECKED, UNCHECKED);
  }

  /** True once the case has been decoded and its raters counted. */
  public boolean checked() {
    return raters != UNCHECKED;
  }

  /** The rater column: "4 raters, 3 outlined", "1 rater", "no raters", or "? raters" unchecked. */
  public String ratersText() {
    if (!checked()) {
      return "? raters";
    }
    if (raters == 0) {
      return "no raters";
    }
    String count = raters + (raters == 1 ? " rater" : " raters");
    return outlined == raters ? count : count + ", " + outlined + " outlined";
  }
}
