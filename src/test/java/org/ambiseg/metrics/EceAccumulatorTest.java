package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EceAccumulatorTest {

  private static final double TOL = 1e-9;

  @Test
  void handComputedCase() {
    // vote fractions [0, .5, 1, .5]; bin 0: |.05 - 0| * 1/4; bin 1: |.15 - .5| * 1/4;
    // bin 9: |.95 - .75| * 2/4 -> .0125 + .0875 + .1 = 20 %.
    EceAccumulator ece = new EceAccumulator();
    ece.add(
        new float[] {0.05f, 0.15f, 0.95f, 0.95f}, List.of(Masks.of(4, 1, 2, 3), Masks.of(4, 2)));
    assertEquals(20.0, ece.ecePercent(), 1e-5);
    assertEquals(4, ece.pixelCount());
  }

  @Test
  void poolingTwoCasesEqualsOneConcatenatedCase() {
    EceAccumulator split = new EceAccumulator();
    split.add(new float[] {0.05f, 0.15f}, List.of(Masks.of(2, 1), Masks.of(2)));
    split.add(new float[] {0.95f, 0.95f}, List.of(Masks.of(2, 0, 1), Masks.of(2, 0)));
    EceAccumulator whole = new EceAccumulator();
    whole.add(
        new float[] {0.05f, 0.15f, 0.95f, 0.95f}, List.of(Masks.of(4, 1, 2, 3), Masks.of(4, 2)));
    assertEquals(whole.ecePercent(), split.ecePercent(), TOL);
  }

  @Test
  void perfectCalibrationIsZero() {
    EceAccumulator ece = new EceAccumulator();
    ece.add(new float[] {0f, 0.5f, 1f}, List.of(Masks.of(3, 1, 2), Masks.of(3, 2)));
    assertEquals(0.0, ece.ecePercent(), TOL);
  }

  @Test
  void binEdges() {
    assertEquals(0, EceAccumulator.bin(0f));
    assertEquals(0, EceAccumulator.bin(0.0999f));
    assertEquals(1, EceAccumulator.bin(0.1f));
    assertEquals(3, EceAccumulator.bin(0.3f));
    assertEquals(5, EceAccumulator.bin(0.5f));
    assertEquals(9, EceAccumulator.bin(0.9f));
    assertEquals(9, EceAccumulator.bin(1f));
    for (int k = 1; k < 10; k++) {
      float edge = k / 10f;
      assertEquals(k, EceAccumulator.bin(edge), "edge " + edge);
      assertEquals(k - 1, EceAccumulator.bin(Math.nextDown(edge)), "below edge " + edge);
    }
  }

  @Test
  void emptyAccumulatorIsZero() {
    assertEquals(0.0, new EceAccumulator().ecePercent(), TOL);
  }
}
