package org.ambiseg.app.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Round axis ranges worked out by hand. */
class AxisRangeTest {

  @Test
  void areasGetStepsOfTwentyFive() {
    // span 120, about 5 intervals: raw step 24 -> 25; margin 6: 23..155 -> 0..175
    assertEquals(new AxisRange(0, 175, 25), AxisRange.covering(29, 149));
  }

  @Test
  void diametersGetStepsOfTwo() {
    // span 8: raw step 1.6 -> 2; margin 0.4: 5.6..14.4 -> 4..16
    assertEquals(new AxisRange(4, 16, 2), AxisRange.covering(6, 14));
  }

  @Test
  void aSingleValueIsCentredInARoundRange() {
    // span taken as 10: step 2; margin 0.5: 9.5..10.5 -> 8..12
    assertEquals(new AxisRange(8, 12, 2), AxisRange.covering(10, 10));
    // zero: span 1, step 0.2, never below zero
    AxisRange zero = AxisRange.covering(0, 0);
    assertEquals(0, zero.lower());
    assertEquals(0.2, zero.upper(), 1e-12);
  }

  @Test
  void smallMillimetreValuesGetDecimalSteps() {
    // span 0.9: raw 0.18 -> 0.2; margin 0.045: 0.255..1.245 -> 0.2..1.4
    AxisRange r = AxisRange.covering(0.3, 1.2);
    assertEquals(0.2, r.step(), 1e-12);
    assertEquals(0.2, r.lower(), 1e-12);
    assertEquals(1.4, r.upper(), 1e-12);
  }
}
