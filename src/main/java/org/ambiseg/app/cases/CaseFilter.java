package org.ambiseg.app.cases;

import java.util.Locale;

/**
 * The search of the case list: a case matches when every word of the query (split at white space,
 * case ignored) occurs in its id or its patient id. A blank query matches every case.
 */
public final class CaseFilter {

  private CaseFilter() {}

  /** True when {@code summary} matches {@code query}. */
  public static boolean matches(CaseSummary summary, String query) {
    if (query == null || query.isBlank()) {
      return true;
    }
    String id = summary.id().toLowerCase(Locale.ROOT);
    String patient = summary.patientId().orElse("").toLowerCase(Locale.ROOT);
    for (String word : query.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!id.contains(word) && !patient.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
