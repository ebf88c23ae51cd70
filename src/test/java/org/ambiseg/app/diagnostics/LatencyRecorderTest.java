package org.ambiseg.app.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

  @Test
  void nearestRankPercentilesOfOneToTwenty() {
    LatencyRecorder r = new LatencyRecorder();
    for (int i = 20; i >= 1; i--) {
      r.record(i); // unsorted on purpose
    }
    assertEquals(20, r.count());
    assertEquals(10, r.percentile(50)); // ceil(0.5 * 20) = 10th value
    assertEquals(19, r.percentile(95)); // ceil(0.95 * 20) = 19th value
    assertEquals(20, r.percentile(100));
    assertEquals(1, r.percentile(1));
    assertEquals("n=20 p50=10.0 ms p95=19.0 ms max=20.0 ms", r.summary());
  }

  @Test
  void refusesEmptyAndOutOfRange() {
    LatencyRecorder r = new LatencyRecorder();
    assertThrows(IllegalStateException.class, () -> r.percentile(50));
    r.record(1);
    assertThrows(IllegalArgumentException.class, () -> r.percentile(0));
    assertThrows(IllegalArgumentException.class, () -> r.percentile(101));
  }
}
