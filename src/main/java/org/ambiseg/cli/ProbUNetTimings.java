package org.ambiseg.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNet;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;
import org.ambiseg.model.ProbUNetSampler;
import org.ambiseg.train.AdamOptimizer;
import org.ambiseg.train.ElboLoss;
import org.ambiseg.train.ProbUNetObjective;
import org.ambiseg.train.TrainingBatch;

/**
 * The timed Prob U-Net benchmarks of shared/bench/probunet_ref.py, on the same probunet-128
 * configuration and synthetic inputs (image ~ N(0,1), random binary mask, fixed seeds): train_step
 * (batch 8: forward, ELBO, backward, Adam), unet_features (U-Net + prior for one image), sample16
 * (16 z from the cached prior decoded to probability maps) and slider_update (one fixed z decoded).
 *
 * <p>sample16 and slider_update time the product's path, {@link ProbUNetSampler.EncodedImage} with
 * the factorised Fcomb, returning Java float maps. The {@code _plain} variants run the plain Fcomb
 * on NDArrays as the reference does (softmax, or argmax for the slider); the {@code _ndarray}
 * variants run the factorised head on NDArrays without the sampler, to show the sampler's own cost.
 */
final class ProbUNetTimings {

  static final long SEED = 1234;
  static final int SIZE = 128;

  private ProbUNetTimings() {}

  /** The four benchmarks. */
  static List<Benchmark> all() {
    return List.of(
        timed("train_step", "training step, batch 8", ProbUNetTimings::trainStep),
        timed("unet_features", "U-Net + prior, batch 1", ProbUNetTimings::unetFeatures),
        timed("sample16", "16 samples from cached features", (m, wi) -> sampling(m, wi, 16)),
        timed("slider_update", "one z -> segmentation", (m, wi) -> sampling(m, wi, 1)));
  }

  /** A benchmark on a fresh probunet-128 (seed 1234). */
  private static Benchmark timed(
      String name, String what, BiFunction<ProbUNetModel, int[], Map<String, JsonObject>> body) {
    return new Benchmark() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String what() {
        return what;
      }

      @Override
      public Map<String, JsonObject> run(int warmup, int iters) {
        try (ProbUNetModel model = ProbUNetModel.create(ProbUNetConfig.PROBUNET_128, SEED)) {
          return body.apply(model, new int[] {warmup, iters});
        }
      }
    };
  }

  /** A synthetic batch as the reference's: image ~ N(0,1), uniform binary mask, fixed seed. */
  static TrainingBatch syntheticBatch(int batch, int noisePerImage) {
    SplittableRandom random = new SplittableRandom(SEED);
    float[] images = new float[batch * SIZE * SIZE];
    byte[] masks = new byte[batch * SIZE * SIZE];
    float[] noise = new float[batch * noisePerImage];
    float[] uniforms = new float[batch * SIZE * SIZE];
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) random.nextGaussian();
      masks[i] = (byte) random.nextInt(2);
      uniforms[i] = (float) random.nextDouble(1e-6, 1);
    }
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) random.nextGaussian();
    }
    return new TrainingBatch(batch, 1, SIZE, SIZE, images, masks, noise, uniforms);
  }

  /** A grey 128 x 128 image with uniform values in [0, 1] (the sampler's input type). */
  static Image2D syntheticImage() {
    SplittableRandom random = new SplittableRandom(SEED + 3);
    float[] px = new float[SIZE * SIZE];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) random.nextDouble();
    }
    return Image2D.grey(SIZE, SIZE, px);
  }

  private static Map<String, JsonObject> trainStep(ProbUNetModel model, int[] wi) {
    int batch = 8;
    TrainingBatch data = syntheticBatch(batch, model.config().latentDim());
    try (AdamOptimizer adam = AdamOptimizer.withDefaults(model.manager(), 0f)) {
      ProbUNetObjective objective =
          new ProbUNetObjective(model, new ElboLoss(1f), adam, Double.MAX_VALUE);
      double[] loss = new double[1];
      JsonObject stats =
          Timing.measure(wi[0], wi[1], () -> loss[0] = objective.step(data, 1e-4f).loss());
      stats.addProperty("batch", batch);
      stats.addProperty("final_loss", loss[0]);
      double gflop = ConvFlops.trainStep(model.config(), batch, SIZE) / 1e9;
      stats.addProperty("conv_gflop", gflop);
      stats.addProperty("achieved_gflops", gflop / (stats.get("median_ms").getAsDouble() / 1e3));
      return Map.of("train_step", stats);
    }
  }

  private static Map<String, JsonObject> unetFeatures(ProbUNetModel model, int[] wi) {
    try (NDManager m = model.manager().newSubManager()) {
      NDArray image = m.randomNormal(new Shape(1, 1, SIZE, SIZE));
      JsonObject stats =
          Timing.measure(
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
      stats.addProperty("batch", 1);
      return Map.of("unet_features", stats);
    }
  }

  /**
   * sample16 (n = 16 samples drawn from the prior each time) or slider_update (n = 1, the prior
   * mean moved by 1.5 in the first dimension, as the reference's slider): product path, plain Fcomb
   * and factorised NDArray path.
   */
  private static Map<String, JsonObject> sampling(ProbUNetModel model, int[] wi, int n) {
    String name = n == 1 ? "slider_update" : "sample16";
    Map<String, JsonObject> out = new LinkedHashMap<>();
    ProbUNetSampler sampler = new ProbUNetSampler(model, Normalization.IDENTITY);
    try (ProbUNetSampler.EncodedImage encoded = sampler.encode(syntheticImage())) {
      float[][] slider = {encoded.priorMean()};
      slider[0][0] += 1.5f;
      long[] seed = {SEED + 4};
      JsonObject app =
          Timing.measure(
              wi[0],
              wi[1],
              () -> encoded.decode(n == 1 ? slider : encoded.drawPrior(n, seed[0]++)));
      app.addProperty("samples", n);
      out.put(name, app);
    }
    try (NDManager m = model.manager().newSubManager()) {
      NDArray image = m.randomNormal(new Shape(1, 1, SIZE, SIZE));
      ProbUNet.Encoding enc = model.block().encode(model.parameterStore(), image);
      NDArray projected = model.block().projectFeatures(model.parameterStore(), enc.features());
      NDArray sigma = enc.priorLogSigma().exp();
      NDArray fixed = enc.priorMean().add(m.create(new float[] {1.5f, 0, 0, 0, 0, 0}));
      out.put(
          name + "_plain",
          Timing.measure(
              wi[0],
              wi[1],
              () -> {
                try (NDManager s = m.newSubManager()) {
                  enc.features().tempAttach(s); // results of ops on it belong to s, freed here
                  NDArray z = n == 1 ? fixed.duplicate() : drawZ(s, enc.priorMean(), sigma, n);
                  z.attach(s);
                  NDArray logits = model.block().decode(model.parameterStore(), enc.features(), z);
                  finish(logits, n == 1);
                }
              }));
      out.put(
          name + "_ndarray",
          Timing.measure(
              wi[0],
              wi[1],
              () -> {
                try (NDManager s = m.newSubManager()) {
                  projected.tempAttach(s);
                  NDArray z = n == 1 ? fixed.duplicate() : drawZ(s, enc.priorMean(), sigma, n);
                  z.attach(s);
                  NDArray logits =
                      model.block().decodeProjected(model.parameterStore(), projected, z);
                  finish(logits, n == 1);
                }
              }));
    }
    return out;
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
