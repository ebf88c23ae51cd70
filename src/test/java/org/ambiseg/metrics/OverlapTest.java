package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OverlapTest {

  private static final double TOL = 1e-12;

  @Test
  void iouAndDiceOfOverlappingMasks() {
    boolean[] a = Masks.of(5, 0, 1);
    boolean[] b = Masks.of(5, 1, 2);
    assertEquals(1.0 / 3, Overlap.iou(a, b), TOL);
    assertEquals(0.5, Overlap.dice(a, b), TOL);
    assertEquals(1.0 / 3, Overlap.iou(BitMask.of(a), BitMask.of(b)), TOL);
    assertEquals(0.5, Overlap.dice(BitMask.of(a), BitMask.of(b)), TOL);
    assertEquals(2.0 / 3, Overlap.distance(BitMask.of(a), BitMask.of(b)), TOL);
  }

  @Test
  void bothEmptyIsPerfectOverlap() {
    boolean[] e = new boolean[7];
    assertEquals(1.0, Overlap.iou(e, e.clone()), TOL);
    assertEquals(1.0, Overlap.dice(e, e.clone()), TOL);
    assertEquals(0.0, Overlap.distance(BitMask.of(e), BitMask.of(e)), TOL);
  }

  @Test
  void exactlyOneEmptyIsNoOverlap() {
    boolean[] e = new boolean[7];
    boolean[] a = Masks.of(7, 3);
    assertEquals(0.0, Overlap.iou(e, a), TOL);
    assertEquals(0.0, Overlap.iou(a, e), TOL);
    assertEquals(0.0, Overlap.dice(a, e), TOL);
    assertEquals(1.0, Overlap.distance(BitMask.of(a), BitMask.of(e)), TOL);
  }

  @Test
  void packedAndUnpackedAgreeOnRandomMasksOfOddLength() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int length = 1 + random.nextInt(300);
      boolean[] a = new boolean[length];
      boolean[] b = new boolean[length];
      for (int i = 0; i < length; i++) {
        a[i] = random.nextDouble() < 0.3;
        b[i] = random.nextDouble() < 0.3;
      }
      BitMask pa = BitMask.of(a);
      assertArrayEquals(a, pa.toBooleans());
      assertEquals(Overlap.iou(a, b), Overlap.iou(pa, BitMask.of(b)), TOL);
      assertEquals(Overlap.dice(a, b), Overlap.dice(pa, BitMask.of(b)), TOL);
    }
  }

  @Test
  void bitMaskCountsAndThreshold() {
    BitMask m = BitMask.of(Masks.of(130, 0, 63, 64, 129));
    assertEquals(130, m.length());
    assertEquals(4, m.foregroundCount());
    assertTrue(m.get(129));
    assertEquals(
        BitMask.of(Masks.of(4, 1, 3)),
        BitMask.ofThreshold(new float[] {0.2f, 0.5f, 0.49f, 1f}, 0.5f));
    assertTrue(BitMask.of(new boolean[3]).isEmpty());
  }

  @Test
  void iouMatrixHoldsPairwiseValues() {
    List<BitMask> rows = BitMask.ofAll(List.of(Masks.of(3, 0), Masks.of(3)));
    List<BitMask> cols = BitMask.ofAll(List.of(Masks.of(3, 0, 1), Masks.of(3)));
    double[][] m = Overlap.iouMatrix(rows, cols);
    assertArrayEquals(new double[] {0.5, 0.0}, m[0], TOL);
    assertArrayEquals(new double[] {0.0, 1.0}, m[1], TOL);
    double[][] self = Overlap.iouMatrix(rows);
    assertArrayEquals(new double[] {1.0, 0.0}, self[0], TOL);
    assertArrayEquals(new double[] {0.0, 1.0}, self[1], TOL);
  }

  @Test
  void differentSizesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Overlap.iou(new boolean[3], new boolean[4]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Overlap.iou(BitMask.of(new boolean[3]), BitMask.of(new boolean[4])));
  }
}
