package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.ProbUNetSampler;
import org.junit.jupiter.api.Test;

/** Sampling 500 times leaves the model's manager with exactly the arrays it started with. */
class ProbUNetLeakTest {

  @Test
  void fiveHundredSamplesLeakNoArrays() {
    try (ProbUNetModel model =
        ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 1, Device.cpu())) {
      ProbUNetSampler sampler = new ProbUNetSampler(model, Normalization.IDENTITY);
      float[] px = new float[32 * 32];
      for (int i = 0; i < px.length; i++) {
        px[i] = (i % 7) / 7f;
      }
      Image2D image = Image2D.grey(32, 32, px);
      BaseNDManager manager = (BaseNDManager) model.manager();
      sampler.sample(image, 4, 0); // warm-up: anything lazily created once is counted as baseline
      int before = manager.getManagedArrays().size();
      for (int i = 0; i < 250; i++) {
        sampler.sample(image, 4, i);
      }
      try (ProbUNetSampler.EncodedImage encoded = sampler.encode(image)) {
        for (int i = 0; i < 250; i++) {
          encoded.decode(encoded.drawPrior(2, i));
        }
      }
      assertEquals(before, manager.getManagedArrays().size(), "open arrays after 500 samplings");
    }
  }
}
