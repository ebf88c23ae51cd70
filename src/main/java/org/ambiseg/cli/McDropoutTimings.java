package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.McDropoutConfig;
import org.ambiseg.model.McDropoutUNetModel;
import org.ambiseg.model.McDropoutUNetSampler;
import org.ambiseg.model.Normalization;

/**
 * The mcdropout20 benchmark of shared/bench/probunet_ref.py: the mcdropout-128 model (2,260,194
 * parameters), one image repeated as a batch of 20 with dropout on, softmax, and the mean of the 20
 * foreground maps, through the product's {@link McDropoutUNetSampler}.
 */
final class McDropoutTimings implements Benchmark {

  static final int PASSES = 20;

  @Override
  public String name() {
    return "mcdropout20";
  }

  @Override
  public String what() {
    return "MC dropout, 20 passes as one batch";
  }

  @Override
  public Map<String, JsonObject> run(int warmup, int iters) {
    try (McDropoutUNetModel model =
        McDropoutUNetModel.create(McDropoutConfig.MCDROPOUT_128, ProbUNetTimings.SEED)) {
      McDropoutUNetSampler sampler = new McDropoutUNetSampler(model, Normalization.IDENTITY);
      Image2D image = ProbUNetTimings.syntheticImage();
      long[] seed = {ProbUNetTimings.SEED + 5};
      JsonObject stats =
          Timing.measure(warmup, iters, () -> mean(sampler.sample(image, PASSES, seed[0]++)));
      stats.addProperty("passes", PASSES);
      return Map.of(name(), stats);
    }
  }

  /** The predictive mean of the maps (the reference's mean over the 20 passes). */
  static float[] mean(List<float[]> maps) {
    float[] out = new float[maps.get(0).length];
    for (float[] m : maps) {
      for (int i = 0; i < out.length; i++) {
        out[i] += m[i];
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= maps.size();
    }
    return out;
  }
}
