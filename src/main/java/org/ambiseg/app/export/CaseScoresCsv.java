package org.ambiseg.app.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ambiseg.io.CsvWriter;
import org.ambiseg.io.ExportStamp;
import org.ambiseg.metrics.CaseScores;

/**
 * Writes per-case scores as CSV (through {@link CsvWriter}), one row per case, with the export
 * stamp repeated in its own columns since CSV has no place for metadata.
 *
 * <p>Columns ({@link #HEADER}), the first eight as in {@code ambiseg score --csv}: {@code id} the
 * case id; {@code samples} N; {@code raters} M; {@code ged} generalised energy distance; {@code
 * hm_iou} Hungarian-matched IoU; {@code diversity} E[d(S,S')]; {@code dice_mean} Dice of the
 * thresholded mean with each rater, averaged; {@code sncc} S-NCC (empty when undefined); then
 * {@code model}, {@code estimator}, {@code seed}, {@code ambiseg_version} and {@code created}
 * (ISO-8601 UTC) from the stamp.
 */
public final class CaseScoresCsv {

  /** The header line's fields. */
  public static final List<String> HEADER =
      List.of(
          "id",
          "samples",
          "raters",
          "ged",
          "hm_iou",
          "diversity",
          "dice_mean",
          "sncc",
          "model",
          "estimator",
          "seed",
          "ambiseg_version",
          "created");

  private CaseScoresCsv() {}

  /** Writes {@code cases} in the given order to {@code target}. */
  public static void write(Path target, List<ScoredCase> cases, ExportStamp stamp)
      throws IOException {
    CsvWriter.write(target, HEADER, rows(cases, stamp));
  }

  /** The CSV rows (without header) of {@code cases}. */
  static List<List<Object>> rows(List<ScoredCase> cases, ExportStamp stamp) {
    List<List<Object>> out = new ArrayList<>(cases.size());
    for (ScoredCase c : cases) {
      CaseScores s = c.scores();
      out.add(
          List.of(
              c.caseId(),
              s.sampleCount(),
              s.raterCount(),
              s.ged(),
              s.hmIou(),
              s.sampleDiversity(),
              s.diceOfMeanVsRaters(),
              s.sncc().isPresent() ? s.sncc().getAsDouble() : "",
              stamp.model(),
              stamp.estimator(),
              stamp.seed(),
              stamp.appVersion(),
              stamp.created().toString()));
    }
    return out;
  }
}
