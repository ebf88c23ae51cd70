package org.ambiseg.train;

import ai.djl.Device;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;

/**
 * A tiny Prob U-Net training run in a child process, for the kill and full-disk tests: {@code main}
 * trains (resuming from the run folder's checkpoint when there is one) and prints one line per
 * checkpoint ({@code checkpoint <step>}), then {@code finished <step>}; a failed checkpoint write
 * prints {@code failed <message>} and exits with status 2.
 */
final class KillableTraining {

  private KillableTraining() {}

  static TrainingConfig config(int steps, int checkpointEvery) {
    return new TrainingConfig(
        "probunet",
        "probunet-tiny",
        steps,
        3,
        1e-3f,
        new double[] {0.5},
        0.5f,
        1f,
        1e-5f,
        100,
        42,
        true,
        2,
        0,
        checkpointEvery,
        0.0,
        0,
        4);
  }

  static ProbUNetTrainable trainable(TrainingConfig config) {
    return new ProbUNetTrainable(
        ProbUNetModel.create(ProbUNetConfig.PROBUNET_TINY, 42, Device.cpu()),
        config,
        Normalization.IDENTITY);
  }

  static Trainer trainer(ProbUNetTrainable model, TrainingConfig config, Path runDir) {
    TrainingSet data = new TrainingSet(TinyCases.make(6, 16, 3));
    BatchSampler sampler =
        new BatchSampler(
            data,
            3,
            ProbUNetConfig.PROBUNET_TINY.latentDim(),
            42,
            new Augmentation(true, 2),
            new float[] {0f, 1f});
    TrainingListener print =
        new TrainingListener() {
          @Override
          public void onCheckpoint(long step, Path file) {
            System.out.println("checkpoint " + step);
            System.out.flush();
          }
        };
    return new Trainer(
        model,
        sampler,
        config,
        new JsonObject(),
        runDir,
        null,
        List.of(print),
        new TrainingControl());
  }

  /** Child process: {@code runDir steps checkpointEvery}; resumes when a checkpoint exists. */
  public static void main(String[] args) throws Exception {
    Path runDir = Path.of(args[0]);
    TrainingConfig config = config(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    try (ProbUNetTrainable model = trainable(config)) {
      Trainer trainer = trainer(model, config, runDir);
      try {
        trainer.run(true);
      } catch (java.io.IOException e) {
        System.out.println("failed " + e.getMessage());
        System.out.flush();
        System.exit(2);
      }
      System.out.println("finished " + config.steps());
    }
    System.exit(0);
  }
}
