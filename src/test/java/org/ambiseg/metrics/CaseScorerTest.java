package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.junit.jupiter.api.Test;

/** Per-case and dataset scores on 2x2 images (pixels p1..p4 are flat indices 0..3). */
class CaseScorerTest {

  private static final double TOL = 1e-9;

  private static LabelMask mask(int... foreground) {
    return LabelMask.binary(2, 2, Masks.of(4, foreground));
  }

  private static SampleSet samples(LabelMask... masks) {
    return SampleSet.ofMasks(List.of(masks), "test", 1L);
  }

  @Test
  void workedExample() {
    CaseScores s = CaseScorer.score(samples(mask(0), mask(0, 1)), List.of(mask(0, 1), mask()));
    assertEquals(0.5, s.ged(), TOL);
    assertEquals(0.5, s.hmIou(), TOL);
    assertEquals(0.25, s.sampleDiversity(), TOL);
    // mean [1, .5, 0, 0] >= .5 -> {p1,p2}: Dice 1 with {p1,p2}, 0 with the empty rater.
    assertEquals(0.5, s.diceOfMeanVsRaters(), TOL);
    assertEquals((1 + 1 / Math.sqrt(33)) / 2, s.sncc().getAsDouble(), TOL);
    assertEquals(2, s.sampleCount());
    assertEquals(2, s.raterCount());
  }

  @Test
  void softSamplesAreThresholdedForGedButNotForTheMean() {
    SampleSet soft =
        SampleSet.of(
            2,
            2,
            List.of(new float[] {0.6f, 0.4f, 0f, 0f}, new float[] {0.6f, 0.8f, 0f, 0f}),
            "test",
            1L);
    assertArrayEquals(new float[] {0.6f, 0.6f, 0f, 0f}, CaseScorer.meanProbability(soft), 1e-6f);
    CaseScores s = CaseScorer.score(soft, List.of(mask(0, 1), mask()));
    // hard samples {p1}, {p1,p2}: the worked example again.
    assertEquals(0.5, s.ged(), TOL);
    assertEquals(0.5, s.diceOfMeanVsRaters(), TOL);
  }

  @Test
  void sizeMismatchIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> CaseScorer.score(samples(mask(0)), List.of(LabelMask.empty(3, 3))));
  }

  @Test
  void datasetMeansIntervalsUndefinedSnccAndPooledEce() {
    DatasetAggregator agg = new DatasetAggregator(200, 5L);
    agg.add(samples(mask(0), mask(0, 1)), List.of(mask(0, 1), mask()));
    // identical sets: GED 0, HM-IoU 1, diversity .5, Dice .5, S-NCC 1.
    CaseScores second = agg.add(samples(mask(0, 1), mask()), List.of(mask(0, 1), mask()));
    assertEquals(1.0, second.sncc().getAsDouble(), TOL);
    // all empty: GED 0, HM-IoU 1, diversity 0, Dice 1, S-NCC undefined.
    CaseScores third = agg.add(samples(mask(), mask()), List.of(mask(), mask()));
    assertTrue(third.sncc().isEmpty());

    DatasetScores d = agg.result();
    assertEquals(3, d.caseCount());
    assertEquals(2, d.sampleCount());
    assertEquals(0.5 / 3, d.ged().mean(), TOL);
    assertEquals(2.5 / 3, d.hmIou().mean(), TOL);
    assertEquals(0.75 / 3, d.meanSampleDiversity(), TOL);
    assertEquals(2.0 / 3, d.meanDiceOfMeanVsRaters(), TOL);
    assertEquals(1, d.undefinedSnccCount());
    assertEquals(((1 + 1 / Math.sqrt(33)) / 2 + 1) / 2, d.meanSncc().getAsDouble(), TOL);
    // 12 pixels: only p1 of the first case is off (mean 1, votes .5), in bin 9: .5 / 12.
    assertEquals(100 * 0.5 / 12, d.ecePercent(), 1e-6);
    assertTrue(d.ged().lower() <= d.ged().mean() && d.ged().mean() <= d.ged().upper());
    assertEquals(200, d.ged().resamples());
  }

  @Test
  void differentSampleCountsAreRejected() {
    DatasetAggregator agg = new DatasetAggregator();
    agg.add(samples(mask(0), mask(0, 1)), List.of(mask(0, 1)));
    assertThrows(
        IllegalArgumentException.class, () -> agg.add(samples(mask(0)), List.of(mask(0, 1))));
    assertEquals(1, agg.caseCount());
  }

  @Test
  void emptyAggregatorHasNoResult() {
    assertThrows(IllegalStateException.class, () -> new DatasetAggregator().result());
  }
}
