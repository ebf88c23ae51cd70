package org.ambiseg.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.ambiseg.model.ProbUNet;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.train.AdamOptimizer;
import org.ambiseg.train.ElboLoss;
import org.ambiseg.train.ProbUNetObjective;
import org.ambiseg.train.TrainingBatch;

/**
 * The timed Prob U-Net benchmarks of shared/bench/probunet_ref.py, on the same probunet-128
 * configuration and synthetic inputs (image ~ N(0,1), random binary mask, fixed seeds): train_step
 * (batch 8: forward, ELBO, backward, Adam), unet_features (U-Net + prior for one image), sample16
 * (16 z from the cached prior through Fcomb, softmax) and slider_update (one z through Fcomb,
 * argmax). The last two are reported for AmbiSeg's factorised Fcomb and for the plain head the
 * reference runs.
 */
final class ProbUNetTimings {

  private static final long SEED = 1234;
  private static final int SIZE = 128;

  private ProbUNetTimings() {}

  /** The four benchmarks, each timing with {@code warmup} and {@code iters}. */
  static List<Benchmark> all(int warmup, int iters) {
    return List.of(
        timed("train_step", "training step, batch 8", warmup, iters, ProbUNetTimings::trainStep),
        timed(
            "unet_features",
            "U-Net + prior, batch 1",
            warmup,
            iters,
            ProbUNetTimings::unetFeatures),
        timed(
            "sample16",
            "16 samples from cached features",
            warmup,
            iters,
            m -> sampling(m, 16, false)),
        timed("slider_update", "one z -> segmentation", warmup, iters, m -> sampling(m, 1, true)));
  }

  /** A benchmark on a fresh probunet-128 whose body times one or more pieces of work. */
  private static Benchmark timed(String name, String what, int warmup, int iters, TimedBody body) {
    return new Benchmark() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public JsonObject run() {
        try (ProbUNetModel model = ProbUNetModel.create(ProbUNetConfig.PROBUNET_128, SEED)) {
          JsonObject result = body.time(model).apply(new int[] {warmup, iters});
          result.addProperty("what", what);
          return result;
        }
      }

      @Override
      public String describe(JsonObject r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-14s", name));
        for (String key : r.keySet()) {
          if (key.endsWith("median_ms")) {
            sb.append(String.format(Locale.ROOT, "  %s %.1f", key, r.get(key).getAsDouble()));
          }
        }
        return sb.append("   (").append(what).append(")\n").toString();
      }
    };
  }

  /** Sets up on a model and returns a function of {warmup, iters} giving the timings. */
  @FunctionalInterface
  private interface TimedBody {
    Function<int[], JsonObject> time(ProbUNetModel model);
  }

  private static Function<int[], JsonObject> trainStep(ProbUNetModel model) {
    int batch = 8;
    SplittableRandom random = new SplittableRandom(SEED);
    float[] images = new float[batch * SIZE * SIZE];
    byte[] masks = new byte[batch * SIZE * SIZE];
    float[] noise = new float[batch * model.config().latentDim()];
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextGaussian();
      masks[i] = (byte) random.nextInt(2);
    }
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) random.nextGaussian();
    }
    TrainingBatch data = new TrainingBatch(batch, 1, SIZE, SIZE, images, masks, noise);
    return wi -> {
      try (AdamOptimizer adam = AdamOptimizer.withDefaults(model.manager(), 0f)) {
        ProbUNetObjective objective =
            new ProbUNetObjective(model, new ElboLoss(1f), adam, Double.MAX_VALUE);
        return Timing.measure(wi[0], wi[1], () -> objective.step(data, 1e-4f));
      }
    };
  }

  private static Function<int[], JsonObject> unetFeatures(ProbUNetModel model) {
    return wi -> {
      try (NDManager m = model.manager().newSubManager()) {
        NDArray image = m.randomNormal(new Shape(1, 1, SIZE, SIZE));
        return Timing.measure(
            wi[0],
            wi[1],
            () -> {
              try (NDManager scratch = m.newSubManager()) {
                image.attach(scratch);
                ProbUNet.Encoding enc = model.block().encode(model.parameterStore(), image);
                enc.priorMean().toFloatArray(); // wait for the result
                image.attach(m);
              }
            });
      }
    };
  }

  /** sample16 (softmax of n samples) or slider_update (argmax of one), factorised and plain. */
  private static Function<int[], JsonObject> sampling(ProbUNetModel model, int n, boolean argmax) {
    return wi -> {
      try (NDManager m = model.manager().newSubManager()) {
        NDArray image = m.randomNormal(new Shape(1, 1, SIZE, SIZE));
        ProbUNet.Encoding enc = model.block().encode(model.parameterStore(), image);
        NDArray projected = model.block().projectFeatures(model.parameterStore(), enc.features());
        NDArray sigma = enc.priorLogSigma().exp();
        JsonObject factorised =
            Timing.measure(
                wi[0],
                wi[1],
                () -> {
                  try (NDManager s = m.newSubManager()) {
                    NDArray z = drawZ(s, enc.priorMean(), sigma, n);
                    NDArray logits =
                        model.block().decodeProjected(model.parameterStore(), projected, z);
                    finish(logits, argmax);
                  }
                });
        JsonObject plain =
            Timing.measure(
                wi[0],
                wi[1],
                () -> {
                  try (NDManager s = m.newSubManager()) {
                    NDArray z = drawZ(s, enc.priorMean(), sigma, n);
                    NDArray logits =
                        model.block().decode(model.parameterStore(), enc.features(), z);
                    finish(logits, argmax);
                  }
                });
        JsonObject o = new JsonObject();
        o.addProperty("median_ms", factorised.get("median_ms").getAsDouble());
        o.addProperty("plain_median_ms", plain.get("median_ms").getAsDouble());
        o.add("factorised", factorised);
        o.add("plain", plain);
        return o;
      }
    };
  }

  private static NDArray drawZ(NDManager s, NDArray mean, NDArray sigma, int n) {
    NDArray eps = s.randomNormal(new Shape(n, mean.getShape().get(1)));
    return eps.mul(sigma).add(mean);
  }

  private static void finish(NDArray logits, boolean argmax) {
    NDArray out = argmax ? logits.argMax(1) : logits.softmax(1);
    out.toByteBuffer(); // copy to the host: the work is done
  }
}
