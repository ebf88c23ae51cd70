package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ambiseg.model.Devices;
import org.ambiseg.model.HpuNetConfig;
import org.ambiseg.model.HpuNetModel;
import org.ambiseg.model.HpuNetSampler;
import org.ambiseg.model.Normalization;
import org.ambiseg.train.AdamOptimizer;
import org.ambiseg.train.GecoConstraint;
import org.ambiseg.train.HpuNetObjective;
import org.ambiseg.train.TrainingBatch;

/**
 * AmbiSeg-only benchmarks on the default HPU-Net preset (hpunet-small) at 128 x 128: a training
 * step at batch 8 (GECO with the published setting, top-k 2 % pixels, Adam) and 16 samples from a
 * cached prior encoding ({@code hpunet_sample16}), and one sample ({@code hpunet_slider_update},
 * what a scale slider asks for); the {@code _uncached} variants encode the image again every time,
 * as the sampler did before the encoding was cached.
 */
final class HpuNetTimings {

  static final String PRESET = "hpunet-small";

  private HpuNetTimings() {}

  /** hpunet_train_step, hpunet_sample16 and hpunet_slider_update. */
  static List<Benchmark> all() {
    return List.of(
        bench("hpunet_train_step", "HPU-Net training step, batch 8", HpuNetTimings::trainStep),
        bench("hpunet_sample16", "HPU-Net, 16 samples", (m, w, i) -> sampling(m, w, i, 16)),
        bench(
            "hpunet_slider_update",
            "HPU-Net, one sample (a scale slider)",
            (m, w, i) -> sampling(m, w, i, 1)));
  }

  private interface Body {
    Map<String, JsonObject> run(HpuNetModel model, int warmup, int iters);
  }

  private static Benchmark bench(String name, String what, Body body) {
    return new Benchmark() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String what() {
        return what + " (" + PRESET + ")";
      }

      @Override
      public Map<String, JsonObject> run(int warmup, int iters) {
        try (HpuNetModel model =
            HpuNetModel.create(
                HpuNetConfig.preset(PRESET), ProbUNetTimings.SEED, Devices.select())) {
          return body.run(model, warmup, iters);
        }
      }
    };
  }

  private static Map<String, JsonObject> trainStep(HpuNetModel model, int warmup, int iters) {
    int batch = 8;
    int size = ProbUNetTimings.SIZE;
    TrainingBatch data =
        ProbUNetTimings.syntheticBatch(batch, HpuNetObjective.noisePerImage(model, size, size));
    try (AdamOptimizer adam = AdamOptimizer.withDefaults(model.manager(), 0f)) {
      HpuNetObjective objective =
          new HpuNetObjective(
              model, adam, GecoConstraint.published(), 1f, 0.02, 0, Double.MAX_VALUE);
      JsonObject stats = Timing.measure(warmup, iters, () -> objective.step(data, 1e-4f));
      stats.addProperty("batch", batch);
      stats.addProperty("preset", PRESET);
      return Map.of("hpunet_train_step", stats);
    }
  }

  private static Map<String, JsonObject> sampling(HpuNetModel model, int warmup, int iters, int n) {
    String name = n == 1 ? "hpunet_slider_update" : "hpunet_sample16";
    HpuNetSampler sampler = new HpuNetSampler(model, Normalization.IDENTITY);
    HpuNetSampler.ScaleSettings all =
        HpuNetSampler.ScaleSettings.sampleAll(model.config().scales());
    var image = ProbUNetTimings.syntheticImage();
    Map<String, JsonObject> out = new LinkedHashMap<>();
    long[] seed = {ProbUNetTimings.SEED + 4};
    try (HpuNetSampler.EncodedImage encoded = sampler.encode(image)) {
      JsonObject cached = Timing.measure(warmup, iters, () -> encoded.decode(n, seed[0]++, all));
      cached.addProperty("samples", n);
      cached.addProperty("preset", PRESET);
      out.put(name, cached);
    }
    JsonObject uncached = Timing.measure(warmup, iters, () -> sampler.sample(image, n, seed[0]++));
    uncached.addProperty("samples", n);
    out.put(name + "_uncached", uncached);
    return out;
  }
}
