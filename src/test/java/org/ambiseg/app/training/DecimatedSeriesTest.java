package org.ambiseg.app.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecimatedSeriesTest {

  @Test
  void appendsUntilFullThenAveragesPairsAndDoublesTheStride() {
    DecimatedSeries s = new DecimatedSeries(4);
    for (int i = 1; i <= 3; i++) {
      s.add(i, 10 * i);
    }
    DecimatedSeries.Change first = s.changesSince(0, 0);
    assertFalse(first.replace());
    assertArrayEquals(new double[] {1, 2, 3}, first.xs());
    assertNull(s.changesSince(0, 3), "nothing new");

    // the fourth value fills it: (1,2) -> 1.5/15 and (3,4) -> 3.5/35; new points average 2 values
    s.add(4, 40);
    assertEquals(2, s.size());
    assertEquals(2, s.stride());
    DecimatedSeries.Change c = s.changesSince(0, 3);
    assertTrue(c.replace(), "a compaction replaces what the reader shows");
    assertArrayEquals(new double[] {1.5, 3.5}, c.xs(), 1e-12);
    assertArrayEquals(new double[] {15, 35}, c.ys(), 1e-12);
    assertEquals(1, c.version());

    s.add(5, 50);
    assertNull(s.changesSince(1, 2), "half a bucket is not a point yet");
    s.add(6, 60);
    DecimatedSeries.Change d = s.changesSince(1, 2);
    assertFalse(d.replace());
    assertArrayEquals(new double[] {5.5}, d.xs(), 1e-12);
    assertArrayEquals(new double[] {55}, d.ys(), 1e-12);

    s.add(7, 70);
    s.add(8, 80);
    DecimatedSeries.Change e = s.changesSince(1, 3);
    assertTrue(e.replace());
    assertArrayEquals(new double[] {2.5, 6.5}, e.xs(), 1e-12);
    assertArrayEquals(new double[] {25, 65}, e.ys(), 1e-12);
    assertEquals(4, s.stride());
  }

  @Test
  void staysBoundedOverALongRun() {
    DecimatedSeries s = new DecimatedSeries(600);
    for (int i = 1; i <= 100_000; i++) {
      s.add(i, Math.sin(i / 1000.0));
    }
    assertEquals(390, s.size());
    assertEquals(256, s.stride());
    // each point is the mean step of its bucket: the curve still spans the run
    assertEquals(128.5, s.x(0), 1e-9);
    assertEquals(99_712.5, s.x(s.size() - 1), 1e-9);
  }
}
