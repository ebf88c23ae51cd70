package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

/**
 * Free bits of the HPU-Net objective: a scale's KL below the free nats is charged as the free nats
 * and gets no gradient; above them it is charged and differentiated as itself.
 */
class FreeBitsTest {

  /** The charged value and d(charged)/d(kl) for a KL of {@code kl} nats. */
  private static float[] chargedAndGradient(float kl, double freeBits) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray x = m.create(kl);
      x.setRequiresGradient(true);
      float charged;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray y = HpuNetObjective.withFreeBits(x.mul(1f), freeBits);
        charged = y.getFloat();
        collector.backward(y);
      }
      return new float[] {charged, x.getGradient().getFloat()};
    }
  }

  @Test
  void klBelowTheFreeNatsCostsTheFreeNatsAndHasNoGradient() {
    float[] r = chargedAndGradient(0.3f, 1.0);
    assertEquals(1.0f, r[0], 1e-6f);
    assertEquals(0f, r[1], 0f);
  }

  @Test
  void klAboveTheFreeNatsIsChargedAsItself() {
    float[] r = chargedAndGradient(2.5f, 1.0);
    assertEquals(2.5f, r[0], 1e-6f);
    assertEquals(1f, r[1], 1e-6f);
  }

  @Test
  void zeroFreeBitsLeavesTheKlUntouched() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray kl = m.create(0.01f);
      assertSame(kl, HpuNetObjective.withFreeBits(kl, 0));
    }
    float[] r = chargedAndGradient(0.01f, 0);
    assertEquals(0.01f, r[0], 1e-7f);
    assertEquals(1f, r[1], 1e-6f);
  }

  @Test
  void settingsRefuseNegativeFreeBitsAndOldRunFoldersReadAsOff() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ObjectiveSettings(false, 0.05f, 0.99f, 1e-2f, 1.0, -1, 0, 0, 0, 0));
    String written =
        "{\"geco\":false,\"kappa\":0.05,\"decay\":0.99,\"rate\":0.01,\"topKFraction\":1.0}";
    ObjectiveSettings read = new Gson().fromJson(written, ObjectiveSettings.class);
    assertEquals(0.0, read.freeBits());
    assertEquals(1.0, read.topKFraction());
  }
}
