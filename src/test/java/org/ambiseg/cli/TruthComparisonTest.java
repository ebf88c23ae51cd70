package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.ModeClustering;
import org.junit.jupiter.api.Test;

/** The per-interpretation and per-mode-count breakdown of the truth comparison. */
class TruthComparisonTest {

  // 32 x 32 images: "left" is a 16 x 16 square (large enough for the oracle's boundary jitter to
  // keep it one mode), "nothing" the empty mask
  private static final int SIZE = 32;
  private static final LabelMask LEFT = square();
  private static final LabelMask EMPTY = LabelMask.empty(SIZE, SIZE);

  private static LabelMask square() {
    boolean[] fg = new boolean[SIZE * SIZE];
    for (int y = 8; y < 24; y++) {
      for (int x = 4; x < 20; x++) {
        fg[y * SIZE + x] = true;
      }
    }
    return LabelMask.binary(SIZE, SIZE, fg);
  }

  @Test
  void breaksFrequenciesDownByInterpretationAndModesByTruthCount() {
    ModeClustering clustering = ModeClustering.withDefaults();
    // case 1: truth left 0.75 / nothing 0.25; the model draws left 9 times in 10, empty once
    List<Interpretation> twoModes =
        List.of(new Interpretation("left", 0.75, LEFT), new Interpretation("nothing", 0.25, EMPTY));
    List<LabelMask> mostlyLeft = new ArrayList<>(Collections.nCopies(9, LEFT));
    mostlyLeft.add(EMPTY);
    JsonObject first =
        TruthComparison.compare(
            clustering, SampleSet.ofMasks(mostlyLeft, "probe", 1), twoModes, List.of(LEFT), 1);
    // case 2: truth left 1.0; the model draws only empty masks
    List<Interpretation> oneMode = List.of(new Interpretation("left", 1.0, LEFT));
    JsonObject second =
        TruthComparison.compare(
            clustering,
            SampleSet.ofMasks(Collections.nCopies(10, EMPTY), "probe", 2),
            oneMode,
            List.of(LEFT),
            2);

    // case 1: |0.9 - 0.75| and |0.1 - 0.25| -> 15 pp; case 2: |0 - 1| -> 100 pp
    assertEquals(15.0, first.get("truth_frequency_error_pp").getAsDouble(), 1e-9);
    assertEquals(100.0, second.get("truth_frequency_error_pp").getAsDouble(), 1e-9);

    TruthComparison comparison = new TruthComparison();
    comparison.add(first);
    comparison.add(second);
    JsonObject summary = comparison.toJson();
    assertEquals(57.5, summary.get("frequency_error_pp").getAsDouble(), 1e-9);

    JsonObject byName = summary.getAsJsonObject("frequency_by_interpretation");
    JsonObject left = byName.getAsJsonObject("left");
    assertEquals(2, left.get("cases").getAsInt());
    assertEquals(87.5, left.get("truth_pct").getAsDouble(), 1e-9); // (75 + 100) / 2
    assertEquals(45.0, left.get("model_pct").getAsDouble(), 1e-9); // (90 + 0) / 2
    JsonObject nothing = byName.getAsJsonObject("nothing");
    assertEquals(1, nothing.get("cases").getAsInt());
    assertEquals(25.0, nothing.get("truth_pct").getAsDouble(), 1e-9);
    assertEquals(10.0, nothing.get("model_pct").getAsDouble(), 1e-9);
    // the oracle draws from the truth: case 2 can only give "left"
    double oracleLeft = left.get("oracle_pct").getAsDouble();
    assertTrue(oracleLeft >= 50 && oracleLeft <= 100, "oracle left " + oracleLeft);

    JsonObject modes = summary.getAsJsonObject("modes_match_by_truth_modes");
    // case 1: one empty sample is a mode of its own, so 2 modes found for 2 true ones
    assertEquals(1, modes.getAsJsonObject("2").get("cases").getAsInt());
    assertEquals(1, modes.getAsJsonObject("2").get("model_match").getAsInt());
    // case 2: all-empty samples are one mode, as many as the truth has, so it matches too
    assertEquals(1, modes.getAsJsonObject("1").get("cases").getAsInt());
    assertEquals(1, modes.getAsJsonObject("1").get("model_match").getAsInt());
    assertEquals(1, modes.getAsJsonObject("1").get("oracle_match").getAsInt());
  }

  @Test
  void rowsWrittenBeforeTheBreakdownStillSummarize() {
    JsonObject old = new JsonObject();
    old.addProperty("truth_frequency_error_pp", 12.0);
    old.addProperty("truth_oracle_frequency_error_pp", 3.0);
    old.addProperty("truth_oracle_ged", 0.1);
    old.addProperty("truth_modes", 2);
    old.addProperty("truth_modes_match", false);
    old.addProperty("truth_oracle_modes_match", true);
    TruthComparison comparison = new TruthComparison();
    comparison.add(old);
    JsonObject summary = comparison.toJson();
    assertEquals(12.0, summary.get("frequency_error_pp").getAsDouble(), 1e-9);
    assertEquals(0, summary.getAsJsonObject("frequency_by_interpretation").size());
    assertEquals(
        0,
        summary
            .getAsJsonObject("modes_match_by_truth_modes")
            .getAsJsonObject("2")
            .get("model_match")
            .getAsInt());
  }
}
