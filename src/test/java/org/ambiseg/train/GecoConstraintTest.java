package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** The GECO multiplier rises while the constraint is violated and falls once it is met. */
class GecoConstraintTest {

  @Test
  void multiplierRisesWhileViolatedAndFallsWhenMet() {
    GecoConstraint geco = new GecoConstraint(0.05f, 0.9f, 0.1f);
    double pixels = 100; // threshold 5
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      double previous = geco.multiplier();
      assertEquals(1.0, previous);
      for (int i = 0; i < 20; i++) {
        geco.loss(m.create(9f), m.create(1f), pixels); // R = 9 > 5: violated
        geco.updateMultiplier(pixels);
        assertTrue(geco.multiplier() > previous, "step " + i + ": " + geco.multiplier());
        previous = geco.multiplier();
      }
      double peak = previous;
      int falling = 0;
      for (int i = 0; i < 60; i++) {
        geco.loss(m.create(1f), m.create(1f), pixels); // R = 1 < 5: met
        geco.updateMultiplier(pixels);
        falling += geco.multiplier() < previous ? 1 : 0;
        previous = geco.multiplier();
      }
      assertTrue(previous < peak, "multiplier fell from " + peak + " to " + previous);
      assertTrue(falling >= 50, "fell in " + falling + " of 60 steps (the average lags)");
      assertTrue(previous > 0);
    }
  }

  @Test
  void lossHasTheMovingAverageValueAndTheConstraintGradientScale() {
    GecoConstraint geco = new GecoConstraint(0.05f, 0.5f, 0.1f);
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray first = geco.loss(m.create(9f), m.create(2f), 100); // C = 4, C_ma = 4
      assertEquals(1 * 4 + 2, first.getFloat(), 1e-5);
      NDArray second = geco.loss(m.create(7f), m.create(2f), 100); // C = 2, C_ma = 3
      assertEquals(1 * 3 + 2, second.getFloat(), 1e-5);
      assertEquals(3, geco.movingAverage(), 1e-9);
    }
  }

  @Test
  void multiplierMovesByTheRateTimesTheMeanConstraintPerPixel() {
    GecoConstraint geco = new GecoConstraint(0.05f, 0.5f, 0.1f);
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      geco.loss(
          m.create(9f),
          m.create(2f),
          100); // C = 9 - 0.05 * 100 = 4: 0.04 per pixel (kappa is a float)
      geco.updateMultiplier(100);
      assertEquals(Math.exp(0.1 * 0.04), geco.multiplier(), 1e-9);
      geco.loss(m.create(1f), m.create(2f), 100); // C = -4, C_ma = 0: unchanged
      geco.updateMultiplier(100);
      assertEquals(Math.exp(0.1 * 0.04), geco.multiplier(), 1e-9);
    }
  }
}
