package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * S-NCC on hand-computed cases. With hard masks every cross-entropy map takes only the values c =
 * -log(1 + eps) and L = -log(eps) and their mean, so each map is an affine image of a small pattern
 * and the correlations are exact.
 */
class SampleNccTest {

  private static final double TOL = 1e-9;

  @Test
  void handComputedThreePixelCase() {
    // samples [1,1,0], [1,0,0]: E_ss ~ [0,1,0]. Rater [1,1,0]: E_sy ~ [0,1,0] -> +1;
    // rater [0,1,1]: E_sy ~ [1,.5,1] -> -1; rater [1,1,1]: E_sy ~ [0,.5,1] -> 0.
    List<float[]> samples = List.of(new float[] {1, 1, 0}, new float[] {1, 0, 0});
    assertEquals(1.0, SampleNcc.compute(samples, List.of(Masks.of(3, 0, 1))).getAsDouble(), TOL);
    assertEquals(-1.0, SampleNcc.compute(samples, List.of(Masks.of(3, 1, 2))).getAsDouble(), TOL);
    assertEquals(0.0, SampleNcc.compute(samples, List.of(Masks.of(3, 0, 1, 2))).getAsDouble(), TOL);
    assertEquals(
        0.5,
        SampleNcc.compute(samples, List.of(Masks.of(3, 0, 1), Masks.of(3, 0, 1, 2))).getAsDouble(),
        TOL);
  }

  @Test
  void workedExampleIsOneHalfPlusHalfOverRootThirtyThree() {
    // E_ss ~ [0,1,0,0]; rater {p1,p2} gives the same pattern (1), the empty rater [1,.5,0,0]
    // whose correlation with [0,1,0,0] is 0.125 / sqrt(0.75 * 0.6875) = 1 / sqrt(33).
    List<float[]> samples = List.of(new float[] {1, 0, 0, 0}, new float[] {1, 1, 0, 0});
    List<boolean[]> raters = List.of(Masks.of(4, 0, 1), Masks.of(4));
    assertEquals(
        (1 + 1 / Math.sqrt(33)) / 2, SampleNcc.compute(samples, raters).getAsDouble(), TOL);
  }

  @Test
  void identicalSamplesGiveAConstantMapAndNoScore() {
    List<float[]> samples = List.of(new float[] {1, 0, 0}, new float[] {1, 0, 0});
    OptionalDouble ncc = SampleNcc.compute(samples, List.of(Masks.of(3, 0), Masks.of(3, 1)));
    assertTrue(ncc.isEmpty());
  }

  @Test
  void allEmptyGivesNoScore() {
    List<float[]> samples = List.of(new float[4], new float[4]);
    assertTrue(SampleNcc.compute(samples, List.of(Masks.of(4), Masks.of(4))).isEmpty());
  }

  @Test
  void softProbabilitiesMatchTheDirectFormula() {
    Random random = new Random(3);
    int pixels = 50;
    List<float[]> samples = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      float[] s = new float[pixels];
      for (int k = 0; k < pixels; k++) {
        s[k] = random.nextFloat();
      }
      samples.add(s);
    }
    List<boolean[]> raters = List.of(randomMask(random, pixels), randomMask(random, pixels));
    assertEquals(direct(samples, raters), SampleNcc.compute(samples, raters).getAsDouble(), 1e-9);
  }

  @Test
  void pearsonOfKnownVectors() {
    assertEquals(
        1.0, SampleNcc.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 6}).getAsDouble(), TOL);
    assertEquals(
        -1.0, SampleNcc.pearson(new double[] {1, 2, 3}, new double[] {3, 2, 1}).getAsDouble(), TOL);
    assertTrue(SampleNcc.pearson(new double[] {2, 2, 2}, new double[] {1, 2, 3}).isEmpty());
  }

  private static boolean[] randomMask(Random random, int pixels) {
    boolean[] m = new boolean[pixels];
    for (int k = 0; k < pixels; k++) {
      m[k] = random.nextBoolean();
    }
    return m;
  }

  /** PHiSeg's variance_ncc_dist written out literally: one cross-entropy map per pair. */
  private static double direct(List<float[]> samples, List<boolean[]> raters) {
    int n = samples.size();
    int pixels = samples.get(0).length;
    double[] mean = new double[pixels];
    for (float[] s : samples) {
      for (int k = 0; k < pixels; k++) {
        mean[k] += s[k] / (double) n;
      }
    }
    double[] ess = new double[pixels];
    for (float[] s : samples) {
      for (int k = 0; k < pixels; k++) {
        ess[k] += ce(mean[k], s[k]) / n;
      }
    }
    double total = 0;
    for (boolean[] y : raters) {
      double[] esy = new double[pixels];
      for (float[] s : samples) {
        for (int k = 0; k < pixels; k++) {
          esy[k] += ce(y[k] ? 1 : 0, s[k]) / n;
        }
      }
      total += SampleNcc.pearson(ess, esy).getAsDouble();
    }
    return total / raters.size();
  }

  private static double ce(double target, double prediction) {
    return -(target * Math.log(prediction + 1e-8) + (1 - target) * Math.log(1 - prediction + 1e-8));
  }
}
