package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Sets every convolution's weight and bias to PyTorch's default initialisation, U(-1/sqrt(fan_in),
 * 1/sqrt(fan_in)) with fan_in = in_channels * kernel area, drawn from a Java RNG so the same seed
 * gives the same weights on any engine and device.
 */
public final class FanInInitializer {

  private FanInInitializer() {}

  /**
   * Re-initialises all parameters of an initialised block, in parameter order, from {@code seed}.
   */
  public static void apply(Block block, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double bound = 1.0;
    for (Pair<String, Parameter> entry : block.getParameters()) {
      Parameter p = entry.getValue();
      Shape shape = p.getShape();
      if (p.getType() == Parameter.Type.WEIGHT) {
        long fanIn = shape.size() / shape.get(0);
        bound = 1.0 / Math.sqrt(fanIn);
      }
      // a bias follows its weight, so it uses that weight's fan-in
      NDArray array = p.getArray();
      float[] values = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
      }
      array.set(FloatBuffer.wrap(values));
    }
  }
}
