package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GED and HM-IoU on hand-computed cases (pixels p1, p2, ... are indices 0, 1, ...). */
class GeneralisedEnergyDistanceTest {

  private static final double TOL = 1e-12;

  @Test
  void workedExampleFromModelNotes() {
    List<boolean[]> raters = List.of(Masks.of(4, 0, 1), Masks.of(4));
    List<boolean[]> samples = List.of(Masks.of(4, 0), Masks.of(4, 0, 1));
    GedResult r = GeneralisedEnergyDistance.compute(samples, raters);
    assertEquals(0.625, r.crossTerm(), TOL);
    assertEquals(0.25, r.sampleDiversity(), TOL);
    assertEquals(0.5, r.raterDiversity(), TOL);
    assertEquals(0.5, r.ged(), TOL);
    assertEquals(2, r.sampleCount());
    assertEquals(2, r.raterCount());
    assertEquals(0.5, HungarianMatchedIou.compute(samples, raters), TOL);
  }

  @Test
  void packedApiGivesTheSameResult() {
    List<boolean[]> raters = List.of(Masks.of(4, 0, 1), Masks.of(4));
    List<boolean[]> samples = List.of(Masks.of(4, 0), Masks.of(4, 0, 1));
    assertEquals(
        GeneralisedEnergyDistance.compute(samples, raters),
        GeneralisedEnergyDistance.computePacked(BitMask.ofAll(samples), BitMask.ofAll(raters)));
    assertEquals(
        0.5, HungarianMatchedIou.computePacked(BitMask.ofAll(samples), BitMask.ofAll(raters)), TOL);
  }

  @Test
  void allEmptySamples() {
    // cross: d(empty,{p1}) = 1, d(empty,empty) = 0 -> 0.5; samples 0; raters 2 * 1 / 4 = 0.5.
    List<boolean[]> samples = List.of(Masks.of(3), Masks.of(3));
    List<boolean[]> raters = List.of(Masks.of(3, 0), Masks.of(3));
    GedResult r = GeneralisedEnergyDistance.compute(samples, raters);
    assertEquals(0.5, r.crossTerm(), TOL);
    assertEquals(0.0, r.sampleDiversity(), TOL);
    assertEquals(0.5, r.raterDiversity(), TOL);
    assertEquals(0.5, r.ged(), TOL);
    assertEquals(0.5, HungarianMatchedIou.compute(samples, raters), TOL);
  }

  @Test
  void allEmptyRaters() {
    // samples {p1}, {}, {}, {p2}; cross 4/8 = 0.5; sample pairs 10/16 = 0.625; raters 0.
    List<boolean[]> samples = List.of(Masks.of(3, 0), Masks.of(3), Masks.of(3), Masks.of(3, 1));
    List<boolean[]> raters = List.of(Masks.of(3), Masks.of(3));
    GedResult r = GeneralisedEnergyDistance.compute(samples, raters);
    assertEquals(0.5, r.crossTerm(), TOL);
    assertEquals(0.625, r.sampleDiversity(), TOL);
    assertEquals(0.0, r.raterDiversity(), TOL);
    assertEquals(0.375, r.ged(), TOL);
    assertEquals(0.5, HungarianMatchedIou.compute(samples, raters), TOL);
  }

  @Test
  void allEmptyEverywhereIsPerfect() {
    List<boolean[]> empty = List.of(Masks.of(5), Masks.of(5), Masks.of(5));
    GedResult r = GeneralisedEnergyDistance.compute(empty, List.of(Masks.of(5)));
    assertEquals(0.0, r.ged(), TOL);
    assertEquals(1.0, HungarianMatchedIou.compute(empty, List.of(Masks.of(5))), TOL);
  }

  @Test
  void oneRater() {
    // IoU with the rater {p1,p2}: 0.5, 1, 0 -> cross 0.5; sample pairs 2 * 2.5 / 9.
    List<boolean[]> samples = List.of(Masks.of(3, 0), Masks.of(3, 0, 1), Masks.of(3, 2));
    List<boolean[]> raters = List.of(Masks.of(3, 0, 1));
    GedResult r = GeneralisedEnergyDistance.compute(samples, raters);
    assertEquals(0.5, r.crossTerm(), TOL);
    assertEquals(5.0 / 9, r.sampleDiversity(), TOL);
    assertEquals(0.0, r.raterDiversity(), TOL);
    assertEquals(4.0 / 9, r.ged(), TOL);
    assertEquals(0.5, HungarianMatchedIou.compute(samples, raters), TOL);
  }

  @Test
  void identicalSetsHaveZeroGedAndPerfectHmIou() {
    List<boolean[]> set = List.of(Masks.of(4, 0), Masks.of(4, 1, 2), Masks.of(4));
    List<boolean[]> copy = List.of(Masks.of(4, 0), Masks.of(4, 1, 2), Masks.of(4));
    GedResult r = GeneralisedEnergyDistance.compute(set, copy);
    assertEquals(0.0, r.ged(), TOL);
    assertEquals(r.sampleDiversity(), r.crossTerm(), TOL);
    assertEquals(1.0, HungarianMatchedIou.compute(set, copy), TOL);
  }

  @Test
  void disjointSets() {
    List<boolean[]> samples = List.of(Masks.of(4, 0), Masks.of(4, 1));
    List<boolean[]> raters = List.of(Masks.of(4, 2), Masks.of(4, 3));
    GedResult r = GeneralisedEnergyDistance.compute(samples, raters);
    assertEquals(1.0, r.crossTerm(), TOL);
    assertEquals(0.5, r.sampleDiversity(), TOL);
    assertEquals(0.5, r.raterDiversity(), TOL);
    assertEquals(1.0, r.ged(), TOL);
    assertEquals(0.0, HungarianMatchedIou.compute(samples, raters), TOL);
  }

  @Test
  void sixteenSamplesAgainstFourRaters() {
    boolean[] a = Masks.of(3, 0);
    boolean[] b = Masks.of(3, 0, 1);
    boolean[] c = Masks.of(3, 2);
    boolean[] d = Masks.of(3);
    List<boolean[]> raters = List.of(a, b, c, d);
    List<boolean[]> samples = Masks.concat(Masks.repeat(a, 8), Masks.repeat(d, 8));
    // cross: A-sample distances 0, .5, 1, 1; empty-sample 1, 1, 1, 0 -> (8*2.5 + 8*3) / 64.
    // samples: half A, half empty -> 0.5. raters: 2 * (.5 + 1 + 1 + 1 + 1 + 1) / 16.
    GedResult r = GeneralisedEnergyDistance.compute(samples, raters);
    assertEquals(0.6875, r.crossTerm(), TOL);
    assertEquals(0.5, r.sampleDiversity(), TOL);
    assertEquals(0.6875, r.raterDiversity(), TOL);
    assertEquals(0.1875, r.ged(), TOL);
    assertEquals(16, r.sampleCount());
    assertEquals(4, r.raterCount());
    // raters tiled 4x: 4 A->A (1), 4 A->B (.5), 4 empty->D (1), 4 empty->C (0): 10 / 16.
    assertEquals(0.625, HungarianMatchedIou.compute(samples, raters), TOL);

    List<boolean[]> sameDistribution =
        Masks.concat(
            Masks.repeat(a, 4), Masks.repeat(b, 4), Masks.repeat(c, 4), Masks.repeat(d, 4));
    assertEquals(0.0, GeneralisedEnergyDistance.compute(sameDistribution, raters).ged(), TOL);
    assertEquals(1.0, HungarianMatchedIou.compute(sameDistribution, raters), TOL);
  }

  @Test
  void hmIouWithSampleCountNotAMultipleOfRaters() {
    // N = 3, M = 2: raters tiled twice (4 columns); samples {p1}, {p1}, {p2}; raters {p1}, {p2}.
    List<boolean[]> samples = List.of(Masks.of(2, 0), Masks.of(2, 0), Masks.of(2, 1));
    List<boolean[]> raters = List.of(Masks.of(2, 0), Masks.of(2, 1));
    assertEquals(1.0, HungarianMatchedIou.compute(samples, raters), TOL);
    // N = 3, M = 2 with one {p2} sample too many: raters {p1}, {p2} tiled twice hold two {p2}s.
    List<boolean[]> skewed = List.of(Masks.of(2, 1), Masks.of(2, 1), Masks.of(2, 1));
    assertEquals(2.0 / 3, HungarianMatchedIou.compute(skewed, raters), TOL);
  }

  @Test
  void emptyListsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> GeneralisedEnergyDistance.compute(List.of(), List.of(Masks.of(2))));
    assertThrows(
        IllegalArgumentException.class,
        () -> HungarianMatchedIou.compute(List.of(Masks.of(2)), List.of()));
  }
}
