package org.ambiseg.train;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * Short trainer runs on generated 16 x 16 cases for tests that check what each step's loss is made
 * of: a tiny Prob U-Net configuration, and a run that records every step's result.
 */
final class TinyTraining {

  private TinyTraining() {}

  /** {@code probunet-tiny}, batch 3, lr 1e-3, weight decay 1e-5, seed 7, shifts of 2 pixels. */
  static TrainingConfig probUNetConfig(int steps, float beta) {
    return new TrainingConfig(
        "probunet",
        "probunet-tiny",
        steps,
        3,
        1e-3f,
        new double[0],
        1f,
        beta,
        1e-5f,
        100,
        7,
        true,
        2,
        0,
        5,
        0.0,
        0,
        4);
  }

  /**
   * Trains {@code model} for {@code config}'s steps on six generated cases (sampler seed and
   * augmentation from {@code config}), writing the run to {@code out}; every step's result in
   * order.
   */
  static List<StepResult> stepResults(TrainableModel model, TrainingConfig config, Path out)
      throws Exception {
    StepRecorder record = new StepRecorder();
    BatchSampler sampler =
        new BatchSampler(
            new TrainingSet(TinyCases.make(6, 16, 5)),
            config.batchSize(),
            model.noisePerImage(),
            model.uniformsPerImage(),
            config.seed(),
            new Augmentation(config.augment(), config.maxShift()),
            new float[] {0f, 1f});
    new Trainer(
            model,
            sampler,
            config,
            new JsonObject(),
            out,
            null,
            List.of(record),
            new TrainingControl())
        .run(false);
    return record.results();
  }
}
