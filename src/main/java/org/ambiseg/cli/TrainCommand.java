package org.ambiseg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ambiseg.core.BadInputException;
import org.ambiseg.train.MoseSettings;
import org.ambiseg.train.ObjectiveSettings;
import org.ambiseg.train.PriorSampleGed;
import org.ambiseg.train.TerminalProgress;
import org.ambiseg.train.TrainableModels;
import org.ambiseg.train.TrainingConfig;
import org.ambiseg.train.TrainingControl;
import org.ambiseg.train.TrainingOutcome;
import org.ambiseg.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ambiseg train}: trains a model on a dataset into a run folder (config.json, metrics.jsonl,
 * checkpoints/last.ckpt, best/ and final/ model folders), resumable with {@code --resume}.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a model. The run folder gets config.json, metrics.jsonl, checkpoints/last.ckpt,",
      "best/ (lowest GED on the selection patients held out of the training data) and final/.",
      "Stop with Ctrl-C: a checkpoint is written first; continue with --resume."
    })
public final class TrainCommand implements Callable<Integer> {

  @Option(
      names = "--model-type",
      defaultValue = "probunet",
      description = "probunet, hpunet, mose, mcdropout or unet; default ${DEFAULT-VALUE}")
  String modelType;

  @Option(names = "--data", required = true, description = "dataset (any supported format)")
  Path data;

  @Option(names = "--out", required = true, description = "run folder")
  Path out;

  @Option(
      names = "--preset",
      description =
          "architecture preset, e.g. probunet-small, mcdropout-128, unet-tiny;"
              + " default <model-type>-small")
  String preset;

  @Option(names = "--steps", description = "optimisation steps (default 6000)")
  Integer steps;

  @Option(names = "--batch", defaultValue = "8", description = "batch size (default 8)")
  int batch;

  @Option(names = "--lr", defaultValue = "1e-4", description = "Adam learning rate")
  float learningRate;

  @Option(names = "--beta", defaultValue = "1", description = "KL weight of the ELBO")
  float beta;

  @Option(
      names = "--weight-decay",
      description = "L2 weight decay added to every gradient (default 1e-5, as the PyTorch port)")
  Float weightDecay;

  @Option(names = "--seed", defaultValue = "1", description = "seed")
  long seed;

  @Option(names = "--validate-every", description = "steps between validations")
  Integer validateEvery;

  @Option(names = "--checkpoint-every", description = "steps between checkpoints")
  Integer checkpointEvery;

  @Option(
      names = "--selection-cases",
      defaultValue = "200",
      description = "selection cases scored per validation")
  int selectionCases;

  @Option(names = "--no-augment", description = "turn off flips, rotations and shifts")
  boolean noAugment;

  @Option(names = "--limit", description = "use only the first N cases (quick runs)")
  Integer limit;

  @Option(names = "--resume", description = "continue the run in --out from its checkpoint")
  boolean resume;

  @Option(names = "--name", description = "model name written to model.json")
  String name;

  @Option(
      names = "--objective",
      defaultValue = "geco",
      description = "HPU-Net objective: geco (published) or elbo (with --beta)")
  String objectiveName;

  @Option(
      names = "--kappa",
      defaultValue = "0.05",
      description =
          "GECO reconstruction threshold per valid pixel (default 0.05 with --top-k 0.02)")
  float kappa;

  @Option(
      names = "--top-k",
      defaultValue = "0.02",
      description = "HPU-Net: fraction of pixels in the reconstruction error (1 = all)")
  double topK;

  @Option(
      names = "--free-bits",
      defaultValue = "0",
      description =
          "HPU-Net: nats of KL per latent scale that cost nothing, max(KL, n) (default 0 = off)")
  double freeBits;

  @Option(
      names = "--scale-curriculum",
      defaultValue = "0",
      description =
          "HPU-Net: start with the coarsest latent scale only and unlock one finer scale every N"
              + " steps (default 0 = all scales from the start)")
  int stepsPerScale;

  @Option(
      names = "--kl-warmup",
      defaultValue = "0",
      description =
          "Prob U-Net and HPU-Net: raise the KL weight linearly from 0 to beta (or GECO's KL"
              + " term) over the first N steps (default 0 = off)")
  int klWarmupSteps;

  @Option(
      names = "--prior-anchor",
      defaultValue = "0",
      description =
          "Prob U-Net, experimental: weight of KL(prior || N(0, I)) added to the loss, which gives"
              + " the latent scale a cost (default 0 = off, the published objective)")
  double priorAnchor;

  @Option(
      names = "--prior-ged",
      defaultValue = "0",
      description =
          "Prob U-Net: weight of the GED between "
              + PriorSampleGed.SAMPLES
              + " prior samples per image and the rater mask, added to the ELBO so that the"
              + " prior's samples, not only the posterior's, are trained (default 0 = off, the"
              + " published objective)")
  double priorGed;

  @Option(
      names = "--annotations",
      defaultValue = "all",
      description = "MoSE: match all raters of an image (all) or one random rater (one)")
  String annotations;

  @Option(
      names = "--samples-per-expert",
      defaultValue = "4",
      description = "MoSE: samples per expert and image at each step (default 4)")
  int samplesPerExpert;

  @Option(
      names = "--expert-spacing",
      defaultValue = "3",
      description =
          "MoSE: distance between the experts' KL anchors on the first latent axis (0 = all at"
              + " N(0, I), which lets the experts collapse into one; default 3)")
  double expertSpacing;

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    TrainingRun run;
    if (resume) {
      run = TrainingRun.resume(out, data, steps);
    } else {
      run = TrainingRun.create(data, out, newConfig(), newObjective(), newMose());
    }
    run.limit(limit).name(name);
    TrainingControl control = new TrainingControl();
    CountDownLatch done = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              control.stop();
              try {
                done.await(120, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ambiseg-train-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    TrainingOutcome outcome;
    try {
      outcome =
          run.run(
              System.err,
              control,
              session -> List.of(new TerminalProgress(System.err, System.console() != null)));
    } finally {
      done.countDown();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already shutting down: the hook is running
    }
    return outcome == TrainingOutcome.DIVERGED ? 4 : 0;
  }

  private TrainingConfig newConfig() throws BadInputException {
    if (preset == null) {
      preset = TrainableModels.defaultPreset(modelType);
    }
    try {
      TrainableModels.checkPreset(modelType, preset);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--model-type " + modelType, e.getMessage());
    }
    if (weightDecay != null && !(weightDecay >= 0 && Float.isFinite(weightDecay))) {
      throw new BadInputException("--weight-decay", "must be a number >= 0, got " + weightDecay);
    }
    int n = steps == null ? 6000 : steps;
    TrainingConfig d = TrainingConfig.probUNetDefaults(preset, n, batch, seed);
    return new TrainingConfig(
        modelType,
        preset,
        n,
        batch,
        learningRate,
        d.lrDecaySteps(),
        d.lrDecayFactor(),
        beta,
        weightDecay == null ? d.weightDecay() : weightDecay,
        d.clipNorm(),
        seed,
        !noAugment,
        d.maxShift(),
        validateEvery == null ? d.validateEvery() : validateEvery,
        checkpointEvery == null ? d.checkpointEvery() : checkpointEvery,
        d.selectionFraction(),
        selectionCases,
        d.validationSamples());
  }

  private ObjectiveSettings newObjective() throws BadInputException {
    if (!objectiveName.equals("geco") && !objectiveName.equals("elbo")) {
      throw new BadInputException("--objective", "must be geco or elbo, got " + objectiveName);
    }
    try {
      return new ObjectiveSettings(
          objectiveName.equals("geco"),
          kappa,
          ObjectiveSettings.PUBLISHED.decay(),
          ObjectiveSettings.PUBLISHED.rate(),
          topK,
          freeBits,
          stepsPerScale,
          klWarmupSteps,
          priorAnchor,
          priorGed);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(
          "--kappa/--top-k/--free-bits/--scale-curriculum/--kl-warmup/--prior-anchor/--prior-ged",
          e.getMessage());
    }
  }

  private MoseSettings newMose() throws BadInputException {
    if (!annotations.equals("all") && !annotations.equals("one")) {
      throw new BadInputException("--annotations", "must be all or one, got " + annotations);
    }
    MoseSettings d = MoseSettings.DEFAULT;
    try {
      return new MoseSettings(
          samplesPerExpert,
          annotations.equals("all"),
          d.epsilon(),
          d.iterations(),
          d.gateWeight(),
          expertSpacing);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--samples-per-expert/--expert-spacing", e.getMessage());
    }
  }
}
