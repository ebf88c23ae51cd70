package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.ambiseg.model.ExpertSamples;
import org.junit.jupiter.api.Test;

/** The expert-weight error against hand-computed implied probabilities. */
class ExpertWeightComparisonTest {

  // 2 x 2 images: interpretation "left" is the left column, "right" the right column
  private static final float[] LEFT = {1f, 0f, 1f, 0f};
  private static final float[] RIGHT = {0f, 1f, 0f, 1f};
  private static final List<Interpretation> TRUTH =
      List.of(
          new Interpretation(
              "left", 0.6, LabelMask.binary(2, 2, new boolean[] {true, false, true, false})),
          new Interpretation(
              "right", 0.4, LabelMask.binary(2, 2, new boolean[] {false, true, false, true})));

  @Test
  void impliedProbabilitiesAreWeightedSampleFractions() {
    // case 1: expert 0 (w 0.5) all left, expert 1 (w 0.5) all right:
    // implied 0.5 / 0.5, error 100 / 2 * (0.1 + 0.1) = 10 pp
    double first =
        ExpertWeightComparison.compare(
            List.of(
                new ExpertSamples(0, 0.5, List.of(LEFT, LEFT)),
                new ExpertSamples(1, 0.5, List.of(RIGHT, RIGHT))),
            TRUTH,
            2,
            2);
    // case 2: expert 0 (w 0.8) half left half right, expert 1 (w 0.2) all left:
    // implied left 0.4 + 0.2 = 0.6, right 0.4: error 0 pp
    double second =
        ExpertWeightComparison.compare(
            List.of(
                new ExpertSamples(0, 0.8, List.of(LEFT, RIGHT)),
                new ExpertSamples(1, 0.2, List.of(LEFT, LEFT))),
            TRUTH,
            2,
            2);
    assertEquals(10.0, first, 1e-9);
    assertEquals(0.0, second, 1e-9);
    ExpertWeightComparison comparison = new ExpertWeightComparison();
    assertFalse(comparison.hasCases());
    for (double e : new double[] {first, second}) {
      JsonObject row = new JsonObject();
      row.addProperty(ExpertWeightComparison.FIELD, e);
      comparison.add(row);
    }
    assertTrue(comparison.hasCases());
    assertEquals(2, comparison.toJson().get("expert_weight_cases").getAsInt());
    assertEquals(5.0, comparison.toJson().get("expert_weight_error_pp").getAsDouble(), 1e-9);
  }
}
