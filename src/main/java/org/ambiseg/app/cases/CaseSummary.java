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
 * @param raters the number of rater masks
 * @param outlined how many of those masks are not empty (for LIDC: the readers who outlined the
 *     nodule on this slice)
 */
public record CaseSummary(
    int index, String id, Optional<String> patientId, int raters, int outlined) {

  /** Checks the id and that the counts are consistent. */
  public CaseSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(patientId, "patientId");
    if (raters < 0 || outlined < 0 || outlined > raters) {
      throw new IllegalArgumentException(
          "case " + id + ": " + outlined + " outlined of " + raters + " raters");
    }
  }

  /** The rater column: "4 raters, 3 outlined", "1 rater", or "no raters". */
  public String ratersText() {
    if (raters == 0) {
      return "no raters";
    }
    String count = raters + (raters == 1 ? " rater" : " raters");
    return outlined == raters ? count : count + ", " + outlined + " outlined";
  }
}
