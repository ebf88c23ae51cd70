package org.ambiseg.app.compare;

import java.util.Locale;
import org.ambiseg.metrics.CaseScores;

/** The per-case metrics of a compare column in words, one value a line. */
public final class MetricsText {

  private MetricsText() {}

  /**
   * E.g. "GED 0.212\nHM-IoU 0.731\nDice of mean 0.804\nModes 3\n16 samples vs 4 raters"; without
   * raters the scores are replaced by "no rater masks to score against".
   */
  public static String of(ColumnResult r) {
    String modes = "Modes " + r.modes().size();
    if (r.scores().isEmpty()) {
      return modes + "\n" + r.samples().size() + " samples, no rater masks to score against";
    }
    CaseScores s = r.scores().get();
    return String.format(
        Locale.ROOT,
        "GED %.3f\nHM-IoU %.3f\nDice of mean %.3f\n%s\n%d samples vs %d raters",
        s.ged(),
        s.hmIou(),
        s.diceOfMeanVsRaters(),
        modes,
        s.sampleCount(),
        s.raterCount());
  }
}
