package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ambiseg.core.SampleSet;
import org.junit.jupiter.api.Test;

class UncertaintyMapsTest {

  private static final double LN2 = Math.log(2.0);
  private static final double EPS = 1e-6;

  @Test
  void twoOpposedHardSamplesAreAllAmbiguity() {
    // one pixel, p = {0, 1}
    UncertaintyMaps maps = UncertaintyMaps.of(set(1, 1, new float[] {0f}, new float[] {1f}));
    assertEquals(0.5, maps.valueAt(MapKind.MEAN, 0), EPS);
    assertEquals(0.25, maps.valueAt(MapKind.VARIANCE, 0), EPS);
    assertEquals(LN2, maps.valueAt(MapKind.PREDICTIVE_ENTROPY, 0), EPS);
    assertEquals(0.0, maps.valueAt(MapKind.EXPECTED_ENTROPY, 0), EPS);
    assertEquals(LN2, maps.valueAt(MapKind.MUTUAL_INFORMATION, 0), EPS);
    assertEquals(0.5, maps.valueAt(MapKind.AGREEMENT, 0), EPS);
  }

  @Test
  void samplesThatAllSayHalfCarryNoMutualInformation() {
    float[] half = {0.5f};
    UncertaintyMaps maps = UncertaintyMaps.of(set(1, 1, half, half, half));
    assertEquals(0.5, maps.valueAt(MapKind.MEAN, 0), EPS);
    assertEquals(0.0, maps.valueAt(MapKind.VARIANCE, 0), EPS);
    assertEquals(LN2, maps.valueAt(MapKind.PREDICTIVE_ENTROPY, 0), EPS);
    assertEquals(LN2, maps.valueAt(MapKind.EXPECTED_ENTROPY, 0), EPS);
    assertEquals(0.0, maps.valueAt(MapKind.MUTUAL_INFORMATION, 0), 0.0);
    // p = 0.5 counts as foreground in the hard mask
    assertEquals(1.0, maps.valueAt(MapKind.AGREEMENT, 0), EPS);
  }

  @Test
  void identicalSamplesHaveNoVarianceAndNoMutualInformation() {
    float[] p = {0.1f, 0.3f, 0.7f, 0.95f, 0f, 1f};
    UncertaintyMaps maps = UncertaintyMaps.of(set(3, 2, p, p.clone(), p.clone(), p.clone()));
    for (int k = 0; k < p.length; k++) {
      assertEquals(p[k], maps.valueAt(MapKind.MEAN, k), EPS);
      assertEquals(0.0, maps.valueAt(MapKind.VARIANCE, k), 1e-12);
      assertEquals(0.0, maps.valueAt(MapKind.MUTUAL_INFORMATION, k), 1e-7);
      assertEquals(BinaryEntropy.of(p[k]), maps.valueAt(MapKind.PREDICTIVE_ENTROPY, k), EPS);
      assertEquals(p[k] >= 0.5f ? 1.0 : 0.0, maps.valueAt(MapKind.AGREEMENT, k), EPS);
    }
  }

  @Test
  void mixedSoftSamplesMatchHandComputedValues() {
    // p = {0.2, 0.6, 1.0}: m = 0.6, variance = (0.16 + 0 + 0.16) / 3
    UncertaintyMaps maps =
        UncertaintyMaps.of(set(1, 1, new float[] {0.2f}, new float[] {0.6f}, new float[] {1f}));
    double h02 = -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.8)); // 0.500402
    double h06 = -(0.6 * Math.log(0.6) + 0.4 * Math.log(0.4)); // 0.673012
    assertEquals(0.6, maps.valueAt(MapKind.MEAN, 0), EPS);
    assertEquals(0.32 / 3, maps.valueAt(MapKind.VARIANCE, 0), EPS);
    assertEquals(h06, maps.valueAt(MapKind.PREDICTIVE_ENTROPY, 0), EPS);
    assertEquals((h02 + h06) / 3, maps.valueAt(MapKind.EXPECTED_ENTROPY, 0), EPS);
    assertEquals(h06 - (h02 + h06) / 3, maps.valueAt(MapKind.MUTUAL_INFORMATION, 0), EPS);
    assertEquals(2.0 / 3, maps.valueAt(MapKind.AGREEMENT, 0), EPS);
  }

  @Test
  void oneSampleHasNoSpread() {
    float[] p = {0.25f, 0.75f};
    UncertaintyMaps maps = UncertaintyMaps.of(set(2, 1, p));
    assertEquals(1, maps.sampleCount());
    assertEquals(0.0, maps.summary(MapKind.VARIANCE).max(), 0.0);
    assertEquals(0.0, maps.summary(MapKind.MUTUAL_INFORMATION).max(), 1e-7);
    assertEquals(BinaryEntropy.of(0.25), maps.valueAt(MapKind.EXPECTED_ENTROPY, 1, 0), EPS);
  }

  @Test
  void summariesGiveMinMaxAndMeanPerMap() {
    // pixel 0: {0, 1} -> MI ln 2; pixel 1: {0, 0} -> 0; pixel 2: {1, 1} -> 0; pixel 3: {1, 0}
    UncertaintyMaps maps =
        UncertaintyMaps.of(set(2, 2, new float[] {0f, 0f, 1f, 1f}, new float[] {1f, 0f, 1f, 0f}));
    MapSummary mi = maps.summary(MapKind.MUTUAL_INFORMATION);
    assertEquals(0.0, mi.min(), EPS);
    assertEquals(LN2, mi.max(), EPS);
    assertEquals(LN2 / 2, mi.mean(), EPS);
    MapSummary mean = maps.summary(MapKind.MEAN);
    assertEquals(0.0, mean.min(), EPS);
    assertEquals(1.0, mean.max(), EPS);
    assertEquals(0.5, mean.mean(), EPS);
    assertEquals(0.125, maps.summary(MapKind.VARIANCE).mean(), EPS);
    assertEquals(0.5, maps.valueAt(MapKind.AGREEMENT, 1, 1), EPS);
  }

  @Test
  void randomSetsObeyTheEntropyBounds() {
    Random random = new Random(5);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + random.nextInt(20);
      List<float[]> probs = new ArrayList<>();
      for (int s = 0; s < n; s++) {
        float[] p = new float[64];
        for (int k = 0; k < p.length; k++) {
          // mix hard, extreme and soft values
          double u = random.nextDouble();
          p[k] = u < 0.2 ? (random.nextBoolean() ? 0f : 1f) : (float) Math.pow(u, 3);
        }
        probs.add(p);
      }
      UncertaintyMaps maps = UncertaintyMaps.of(SampleSet.of(8, 8, probs, "test", trial));
      for (int k = 0; k < 64; k++) {
        double h = maps.valueAt(MapKind.PREDICTIVE_ENTROPY, k);
        double eh = maps.valueAt(MapKind.EXPECTED_ENTROPY, k);
        double mi = maps.valueAt(MapKind.MUTUAL_INFORMATION, k);
        assertTrue(mi >= 0 && mi <= LN2 + EPS, "MI " + mi);
        assertTrue(eh <= h + EPS, "Jensen: E[H] " + eh + " > H[E] " + h);
        assertTrue(h >= 0 && h <= LN2 + EPS, "H " + h);
        assertEquals(h - eh, mi, 1e-5);
        double variance = maps.valueAt(MapKind.VARIANCE, k);
        assertTrue(variance >= 0 && variance <= 0.25 + EPS, "variance " + variance);
        // the same numbers straight from the definitions
        double m = 0;
        for (float[] p : probs) {
          m += p[k];
        }
        m /= n;
        double v = 0;
        double expected = 0;
        for (float[] p : probs) {
          v += (p[k] - m) * (p[k] - m);
          expected += BinaryEntropy.of(p[k]);
        }
        assertEquals(m, maps.valueAt(MapKind.MEAN, k), EPS);
        assertEquals(v / n, variance, EPS);
        assertEquals(expected / n, eh, EPS);
      }
    }
  }

  @Test
  void mapsAreCopiesAndAccessorsCheckBounds() {
    UncertaintyMaps maps = UncertaintyMaps.of(set(2, 1, new float[] {0f, 1f}));
    maps.mean()[0] = 0.9f;
    assertEquals(0.0, maps.valueAt(MapKind.MEAN, 0), 0.0);
    assertEquals(2, maps.width());
    assertEquals(1, maps.height());
    assertThrows(IndexOutOfBoundsException.class, () -> maps.valueAt(MapKind.MEAN, 2, 0));
  }

  @Test
  void binaryEntropyEdgeValues() {
    assertEquals(0.0, BinaryEntropy.of(0.0), 0.0);
    assertEquals(0.0, BinaryEntropy.of(1.0), 0.0);
    assertEquals(LN2, BinaryEntropy.of(0.5), 1e-15);
    assertEquals(BinaryEntropy.of(0.1), BinaryEntropy.of(0.9), 1e-15);
    assertEquals(0.325082973391448, BinaryEntropy.of(0.1), 1e-12);
  }

  @Test
  void fastEntropyStaysWithinTheDocumentedErrorOfTheExactOne() {
    double worst = 0;
    // every 256th float in [0, 1], then a spread of tiny values and values next to 1
    for (int bits = 0; bits <= Float.floatToRawIntBits(1f); bits += 256) {
      float p = Float.intBitsToFloat(bits);
      worst = Math.max(worst, Math.abs(BinaryEntropy.fast(p) - BinaryEntropy.of(p)));
    }
    for (float p : new float[] {1e-3f, 1e-9f, 9.3e-10f, 1e-30f, 1.4e-45f, 1 - 1e-7f, 0.25012207f}) {
      worst = Math.max(worst, Math.abs(BinaryEntropy.fast(p) - BinaryEntropy.of(p)));
    }
    assertTrue(worst < 1e-7, "largest error " + worst);
    assertEquals(LN2, BinaryEntropy.fast(0.5f), 0.0);
    assertEquals(0.0, BinaryEntropy.fast(0f), 0.0);
    assertEquals(0.0, BinaryEntropy.fast(1f), 0.0);
    assertEquals(BinaryEntropy.fast(0.125f), BinaryEntropy.fast(0.875f), 0.0);
  }

  private static SampleSet set(int width, int height, float[]... probabilities) {
    return SampleSet.of(width, height, List.of(probabilities), "test", 1L);
  }
}
