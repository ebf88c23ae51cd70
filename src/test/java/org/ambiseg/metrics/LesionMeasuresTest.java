package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.PixelSpacing;
import org.ambiseg.core.SampleSet;
import org.junit.jupiter.api.Test;

/** Areas and longest diameters of hand-built masks against values worked out by hand. */
class LesionMeasuresTest {

  private static final Optional<PixelSpacing> PIXELS = Optional.empty();

  @Test
  void onePixelHasAreaOneAndNoDiameter() {
    LesionMeasure m = LesionMeasures.of(mask(5, 5, new int[][] {{2, 3}}), PIXELS);
    assertEquals(1, m.pixels());
    assertEquals(1.0, m.area());
    assertEquals(0.0, m.diameter());
    assertFalse(m.isEmpty());
    assertFalse(m.calibrated());
  }

  @Test
  void horizontalBarOfTenPixelsSpansNine() {
    LesionMeasure m = LesionMeasures.of(bar(12, 3, 1, 10, true), PIXELS);
    assertEquals(10, m.pixels());
    assertEquals(10.0, m.area());
    assertEquals(9.0, m.diameter(), 1e-12);
  }

  @Test
  void twoPixelsThreeAcrossFourDownAreFiveApart() {
    LesionMeasure m = LesionMeasures.of(mask(6, 6, new int[][] {{0, 0}, {3, 4}}), PIXELS);
    assertEquals(2, m.pixels());
    assertEquals(5.0, m.diameter(), 1e-12);
  }

  @Test
  void filledDiscHasAreaNearPiRSquaredAndDiameterTwoR() {
    int r = 20;
    int size = 2 * r + 5;
    boolean[] fg = new boolean[size * size];
    int c = size / 2;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        fg[y * size + x] = (x - c) * (x - c) + (y - c) * (y - c) <= r * r;
      }
    }
    LesionMeasure m = LesionMeasures.of(fg, size, size, PIXELS);
    // Gauss circle problem: 1257 lattice points within radius 20, pi r^2 = 1256.6
    assertEquals(1257, m.pixels());
    assertEquals(Math.PI * r * r, m.area(), 0.01 * Math.PI * r * r);
    // (c - 20, c) and (c + 20, c) are the farthest pair
    assertEquals(2.0 * r, m.diameter(), 1e-12);
  }

  @Test
  void anisotropicSpacingScalesColumnsAndRowsApart() {
    // 0.5 mm between columns (x), 2 mm between rows (y); one pixel is 1 mm^2
    Optional<PixelSpacing> spacing = Optional.of(new PixelSpacing(2.0, 0.5));
    LesionMeasure horizontal = LesionMeasures.of(bar(12, 12, 1, 10, true), spacing);
    assertEquals(10.0, horizontal.area(), 1e-12);
    assertEquals(9 * 0.5, horizontal.diameter(), 1e-12);
    assertTrue(horizontal.calibrated());
    LesionMeasure vertical = LesionMeasures.of(bar(12, 12, 1, 10, false), spacing);
    assertEquals(10.0, vertical.area(), 1e-12);
    assertEquals(9 * 2.0, vertical.diameter(), 1e-12);
    // (0, 0) and (3, 4): 1.5 mm across, 8 mm down
    LesionMeasure diagonal = LesionMeasures.of(mask(6, 6, new int[][] {{0, 0}, {3, 4}}), spacing);
    assertEquals(Math.sqrt(1.5 * 1.5 + 8 * 8), diagonal.diameter(), 1e-12);
    assertEquals(2.0, diagonal.area(), 1e-12);
  }

  @Test
  void anisotropySelectsTheFarthestPairInMillimetres() {
    // in pixels (0,0)-(6,0) is the longest (6 vs 5); in mm the vertical (0,0)-(0,5) wins
    LabelMask m = mask(8, 8, new int[][] {{0, 0}, {6, 0}, {0, 5}});
    assertEquals(Math.sqrt(36 + 25), LesionMeasures.of(m, PIXELS).diameter(), 1e-12);
    Optional<PixelSpacing> spacing = Optional.of(new PixelSpacing(3.0, 1.0));
    assertEquals(Math.sqrt(36 + 225), LesionMeasures.of(m, spacing).diameter(), 1e-12);
  }

  @Test
  void emptyMaskMeasuresZeroAndIsFlaggedEmpty() {
    LesionMeasure m = LesionMeasures.of(LabelMask.empty(7, 4), Optional.of(new PixelSpacing(1, 1)));
    assertTrue(m.isEmpty());
    assertEquals(0, m.pixels());
    assertEquals(0.0, m.area());
    assertEquals(0.0, m.diameter());
  }

  @Test
  void hullSearchMatchesAllPairsOnRandomMasks() {
    Random random = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      int w = 1 + random.nextInt(12);
      int h = 1 + random.nextInt(12);
      boolean[] fg = new boolean[w * h];
      double density = random.nextDouble();
      for (int i = 0; i < fg.length; i++) {
        fg[i] = random.nextDouble() < density;
      }
      PixelSpacing spacing = new PixelSpacing(0.3 + random.nextDouble(), 0.3 + random.nextDouble());
      LesionMeasure m = LesionMeasures.of(fg, w, h, Optional.of(spacing));
      assertEquals(allPairs(fg, w, spacing), m.diameter(), 1e-9, "trial " + trial);
    }
  }

  @Test
  void sampleSetsAreMeasuredAtProbabilityOneHalf() {
    float[] p = new float[4 * 3];
    p[0] = 0.5f; // (0, 0) foreground
    p[3] = 0.49f; // (3, 0) background
    p[2 * 4 + 3] = 1f; // (3, 2) foreground
    float[] none = new float[12];
    SampleSet set = SampleSet.of(4, 3, List.of(p, none, p), "hand", 1);
    LabelMask rater = mask(4, 3, new int[][] {{1, 1}});
    SampleMeasurements sm = SampleMeasurements.of(set, List.of(rater), Optional.empty());
    assertEquals(3, sm.samples().size());
    assertEquals(Math.sqrt(9 + 4), sm.samples().get(0).diameter(), 1e-12);
    assertTrue(sm.samples().get(1).isEmpty());
    assertEquals(1, sm.area().empty());
    assertEquals(2, sm.area().count());
    assertEquals(2.0, sm.area().median());
    assertEquals(1, sm.raters().size());
    assertEquals(1.0, sm.raters().get(0).area());
    assertFalse(sm.calibrated());
  }

  @Test
  void distributionUsesInterpolatedPercentiles() {
    MeasureDistribution d = MeasureDistribution.of(new double[] {5, 1, 4, 2, 3}, 2);
    assertEquals(5, d.count());
    assertEquals(2, d.empty());
    assertEquals(3.0, d.median(), 1e-12);
    // h = 4 * 0.05 = 0.2 -> 1 + 0.2 * (2 - 1); h = 3.8 -> 4 + 0.8 * (5 - 4)
    assertEquals(1.2, d.p5(), 1e-12);
    assertEquals(4.8, d.p95(), 1e-12);
    assertEquals(1.0, d.min());
    assertEquals(5.0, d.max());
    assertEquals(2.5, MeasureDistribution.of(new double[] {3, 2}, 0).median(), 1e-12);
    MeasureDistribution none = MeasureDistribution.of(new double[0], 4);
    assertTrue(none.isEmpty());
    assertTrue(Double.isNaN(none.median()));
  }

  private static double allPairs(boolean[] fg, int w, PixelSpacing s) {
    double best = 0;
    for (int i = 0; i < fg.length; i++) {
      for (int j = 0; j < fg.length; j++) {
        if (fg[i] && fg[j]) {
          double dx = (i % w - j % w) * s.columnMm();
          double dy = (i / w - j / w) * s.rowMm();
          best = Math.max(best, Math.hypot(dx, dy));
        }
      }
    }
    return best;
  }

  /** A mask with foreground at the given (x, y) pixels. */
  private static LabelMask mask(int w, int h, int[][] xy) {
    boolean[] fg = new boolean[w * h];
    for (int[] p : xy) {
      fg[p[1] * w + p[0]] = true;
    }
    return LabelMask.binary(w, h, fg);
  }

  /** A bar of {@code length} pixels starting at (offset, offset), horizontal or vertical. */
  private static LabelMask bar(int w, int h, int offset, int length, boolean horizontal) {
    boolean[] fg = new boolean[w * h];
    for (int k = 0; k < length; k++) {
      int x = horizontal ? offset + k : offset;
      int y = horizontal ? offset : offset + k;
      fg[y * w + x] = true;
    }
    return LabelMask.binary(w, h, fg);
  }
}
