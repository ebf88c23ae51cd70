package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static final double[] VALUES = {0.1, 0.4, 0.35, 0.2, 0.8, 0.25, 0.3, 0.05, 0.6, 0.45};

  @Test
  void intervalContainsTheMean() {
    ConfidenceInterval ci = Bootstrap.interval95(VALUES);
    assertEquals(0.35, ci.mean(), 1e-12);
    assertTrue(ci.lower() < ci.mean() && ci.mean() < ci.upper(), ci.toString());
    assertTrue(ci.lower() >= 0.05 && ci.upper() <= 0.8);
    assertEquals(1000, ci.resamples());
    assertEquals(0.95, ci.level());
  }

  @Test
  void deterministicPerSeed() {
    assertEquals(
        Bootstrap.interval(VALUES, 0.95, 500, 9), Bootstrap.interval(VALUES, 0.95, 500, 9));
    assertNotEquals(
        Bootstrap.interval(VALUES, 0.95, 500, 9).lower(),
        Bootstrap.interval(VALUES, 0.95, 500, 10).lower());
  }

  @Test
  void constantValuesGiveAPointInterval() {
    ConfidenceInterval ci = Bootstrap.interval95(new double[] {0.3, 0.3, 0.3});
    assertEquals(0.3, ci.lower(), 1e-12);
    assertEquals(0.3, ci.upper(), 1e-12);
  }

  @Test
  void quantileInterpolatesLinearly() {
    double[] sorted = {0, 1, 2, 3, 4};
    assertEquals(0.1, Bootstrap.quantile(sorted, 0.025), 1e-12);
    assertEquals(3.9, Bootstrap.quantile(sorted, 0.975), 1e-12);
    assertEquals(2.0, Bootstrap.quantile(sorted, 0.5), 1e-12);
  }
}
