package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.ambiseg.core.Image2D;
import org.junit.jupiter.api.Test;

/**
 * The sampler's decode (W_z * z formed on the host, cached projection) matches the plain Fcomb on
 * concat(features, z), and repeated decodes of an open encoding leave no arrays in its manager (the
 * slider path runs thousands of them per image).
 */
class ProbUNetDecodeTest {

  private static final int SIZE = 32;

  @Test
  void decodeMatchesThePlainHeadAndLeavesNoArraysBehind() {
    try (ProbUNetModel model =
        ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 2, Device.cpu())) {
      float[] px = new float[SIZE * SIZE];
      for (int i = 0; i < px.length; i++) {
        px[i] = (i * 13 % 29) / 28f;
      }
      Image2D image = Image2D.grey(SIZE, SIZE, px);
      ProbUNetSampler sampler = new ProbUNetSampler(model, Normalization.IDENTITY);
      BaseNDManager manager = (BaseNDManager) model.manager();
      try (ProbUNetSampler.EncodedImage encoded = sampler.encode(image)) {
        float[][] z = encoded.drawPrior(3, 11);
        List<float[]> fast = encoded.decode(z);
        try (NDManager m = model.manager().newSubManager()) {
          ProbUNet.Encoding enc =
              model
                  .block()
                  .encode(model.parameterStore(), m.create(px, new Shape(1, 1, SIZE, SIZE)));
          int latent = z[0].length;
          float[] flat = new float[3 * latent];
          for (int s = 0; s < 3; s++) {
            System.arraycopy(z[s], 0, flat, s * latent, latent);
          }
          NDArray logits =
              model
                  .block()
                  .decode(
                      model.parameterStore(), enc.features(), m.create(flat, new Shape(3, latent)));
          float[] plain = logits.softmax(1).get(":, 1").toFloatArray();
          for (int s = 0; s < 3; s++) {
            for (int i = 0; i < SIZE * SIZE; i++) {
              assertEquals(plain[s * SIZE * SIZE + i], fast.get(s)[i], 1e-5f, "sample " + s);
            }
          }
        }
        int open = manager.getManagedArrays().size();
        for (int i = 0; i < 30; i++) {
          encoded.decode(new float[][] {z[i % 3]});
        }
        assertEquals(open, manager.getManagedArrays().size(), "arrays left by 30 decodes");
        // the count does see arrays in nested managers, so the check above is not vacuous
        try (NDManager nested = model.manager().newSubManager()) {
          nested.zeros(new Shape(1));
          assertTrue(manager.getManagedArrays().size() > open, "nested arrays are counted");
        }
      }
    }
  }
}
