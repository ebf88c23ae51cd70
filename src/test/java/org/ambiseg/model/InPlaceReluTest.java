package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/** The in-place ReLU: the same values and gradients as DJL's, written into its input. */
class InPlaceReluTest {

  private static final float[] VALUES = {-2f, -0.5f, 0f, 0.25f, 3f, -1e-30f, 7f, -7f};
  private static final float[] CLAMPED = {0f, 0f, 0f, 0.25f, 3f, 0f, 7f, 0f};

  @Test
  void itClampsNegativesToZeroInTheInputItself() {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertTrue(InPlaceRelu.inPlace(), "libtorch's relu_ is found in this build");
      NDArray x = manager.create(VALUES).reshape(2, 4).mul(1f);
      NDArray y = InPlaceRelu.apply(x);
      assertSame(x, y, "no new array");
      assertArrayEquals(CLAMPED, x.toFloatArray(), 0f);
    }
  }

  @Test
  void autogradRecordsItLikeTheOutOfPlaceRelu() {
    float[] inPlace = gradient(true);
    float[] outOfPlace = gradient(false);
    // d/dx sum(3 * relu(2x)) = 6 where x > 0, else 0
    assertArrayEquals(new float[] {0f, 0f, 0f, 6f, 6f, 0f, 6f, 0f}, inPlace, 0f);
    assertArrayEquals(outOfPlace, inPlace, 0f);
  }

  private static float[] gradient(boolean inPlace) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(VALUES);
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray doubled = x.mul(2f);
        NDArray relu = inPlace ? InPlaceRelu.apply(doubled) : Activation.relu(doubled);
        collector.backward(relu.mul(3f).sum());
      }
      return x.getGradient().toFloatArray();
    }
  }
}
