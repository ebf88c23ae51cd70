package org.ambiseg.io.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.Test;

class BoundaryJitterTest {

  private static LabelMask disc(int size, double cx, double cy, double r) {
    boolean[] fg = new boolean[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        fg[y * size + x] = Math.hypot(x - cx, y - cy) < r;
      }
    }
    return LabelMask.binary(size, size, fg);
  }

  @Test
  void emptyMaskStaysEmpty() {
    LabelMask empty = LabelMask.empty(16, 16);
    assertSame(empty, BoundaryJitter.apply(empty, new SplittableRandom(1)));
  }

  @Test
  void jitterMovesTheBoundaryByAFewPixelsOnly() {
    LabelMask disc = disc(64, 32, 32, 10);
    SplittableRandom rng = new SplittableRandom(5);
    int changed = 0;
    for (int k = 0; k < 50; k++) {
      LabelMask j = BoundaryJitter.apply(disc, rng);
      double iou = SynthMetrics.iou(disc, j);
      assertTrue(iou > 0.55, "IoU with the original " + iou);
      // Every changed pixel lies within 4 px of the original boundary (radius 10).
      boolean[] a = disc.foreground();
      boolean[] b = j.foreground();
      for (int i = 0; i < a.length; i++) {
        if (a[i] != b[i]) {
          double r = Math.hypot(i % 64 - 32, i / 64 - 32);
          assertTrue(Math.abs(r - 10) < 4, "changed pixel at radius " + r);
        }
      }
      if (!j.equals(disc)) {
        changed++;
      }
    }
    assertTrue(changed > 40, "jitter changed only " + changed + " of 50 masks");
  }

  @Test
  void sameSeedSameMask() {
    LabelMask disc = disc(48, 20, 25, 7);
    assertEquals(
        BoundaryJitter.apply(disc, new SplittableRandom(9)),
        BoundaryJitter.apply(disc, new SplittableRandom(9)));
    assertNotEquals(
        BoundaryJitter.apply(disc, new SplittableRandom(9)),
        BoundaryJitter.apply(disc, new SplittableRandom(10)));
  }

  @Test
  void singlePixelNeverVanishes() {
    boolean[] fg = new boolean[100];
    fg[55] = true;
    LabelMask dot = LabelMask.binary(10, 10, fg);
    SplittableRandom rng = new SplittableRandom(3);
    for (int k = 0; k < 20; k++) {
      assertTrue(BoundaryJitter.apply(dot, rng).foregroundCount() > 0);
    }
  }

  @Test
  void chamferDistanceIsExactAlongAxesAndDiagonals() {
    boolean[] target = new boolean[25];
    target[12] = true; // centre of 5x5
    float[] d = ChamferDistance.toNearest(target, 5, 5);
    assertEquals(0f, d[12]);
    assertEquals(2f, d[10]); // (0, 2)
    assertEquals((float) (2 * Math.sqrt(2)), d[0], 1e-6);
    assertEquals((float) (1 + Math.sqrt(2)), d[1], 1e-6); // (1, 0): one diagonal, one straight
  }

  @Test
  void holeFillClosesEnclosedBackground() {
    boolean[] ring = new boolean[25];
    for (int i = 0; i < 25; i++) {
      int x = i % 5;
      int y = i / 5;
      ring[i] = x >= 1 && x <= 3 && y >= 1 && y <= 3 && !(x == 2 && y == 2);
    }
    boolean[] filled = HoleFill.fill(ring, 5, 5);
    assertTrue(filled[12]);
    assertEquals(false, filled[0]);
  }
}
