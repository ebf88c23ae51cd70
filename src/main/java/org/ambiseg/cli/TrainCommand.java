package org.ambiseg.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.io.AtomicFiles;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TrainingDomain;
import org.ambiseg.train.Augmentation;
import org.ambiseg.train.BatchSampler;
import org.ambiseg.train.BestModelSaver;
import org.ambiseg.train.MetricsLog;
import org.ambiseg.train.ObjectiveSettings;
import org.ambiseg.train.PatientSplit;
import org.ambiseg.train.SelectionValidator;
import org.ambiseg.train.TerminalProgress;
import org.ambiseg.train.TrainableModel;
import org.ambiseg.train.TrainableModels;
import org.ambiseg.train.Trainer;
import org.ambiseg.train.TrainingConfig;
import org.ambiseg.train.TrainingControl;
import org.ambiseg.train.TrainingListener;
import org.ambiseg.train.TrainingOutcome;
import org.ambiseg.train.TrainingSet;
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

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  @Option(
      names = "--model-type",
      defaultValue = "probunet",
      description = "probunet, mcdropout or unet; default ${DEFAULT-VALUE}")
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

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    Path configFile = out.resolve("config.json");
    TrainingConfig config;
    ObjectiveSettings objective;
    if (resume) {
      if (!Files.isRegularFile(configFile)) {
        throw new BadInputException(out, "no run to resume here (no config.json)");
      }
      RunConfig stored = GSON.fromJson(Files.readString(configFile), RunConfig.class);
      config = stored.training();
      objective = stored.objective() == null ? ObjectiveSettings.PUBLISHED : stored.objective();
      if (steps != null && steps > config.steps()) {
        config = withSteps(config, steps);
      }
    } else {
      if (Files.exists(out.resolve("checkpoints"))) {
        throw new BadInputException(
            out, "already holds a run; use --resume to continue it or choose another --out");
      }
      if (preset == null) {
        preset = TrainableModels.defaultPreset(modelType);
      }
      try {
        TrainableModels.checkPreset(modelType, preset);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--model-type " + modelType, e.getMessage());
      }
      if (!objectiveName.equals("geco") && !objectiveName.equals("elbo")) {
        throw new BadInputException("--objective", "must be geco or elbo, got " + objectiveName);
      }
      try {
        objective =
            new ObjectiveSettings(
                objectiveName.equals("geco"),
                kappa,
                ObjectiveSettings.PUBLISHED.decay(),
                ObjectiveSettings.PUBLISHED.rate(),
                topK);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--kappa/--top-k", e.getMessage());
      }
      int n = steps == null ? 6000 : steps;
      TrainingConfig d = TrainingConfig.probUNetDefaults(preset, n, batch, seed);
      config =
          new TrainingConfig(
              modelType,
              preset,
              n,
              batch,
              learningRate,
              d.lrDecaySteps(),
              d.lrDecayFactor(),
              beta,
              d.weightDecay(),
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
    List<Case> cases = CaseLoading.loadAll(data, limit, System.err);
    PatientSplit.Split split = PatientSplit.split(cases, config.selectionFraction(), config.seed());
    List<Case> selection =
        split.selection().subList(0, Math.min(config.selectionCases(), split.selection().size()));
    TrainingSet trainingSet = new TrainingSet(split.training());
    float[] stats = trainingSet.intensityStatistics();
    Normalization normalization = new Normalization(stats[0], stats[1]);
    TrainingDomain domain =
        new TrainingDomain(
            trainingSet.width(),
            trainingSet.height(),
            1,
            stats[0],
            stats[1],
            data.getFileName().toString());
    JsonObject dataInfo = new JsonObject();
    dataInfo.addProperty("path", data.toString());
    dataInfo.addProperty("trainingCases", split.training().size());
    dataInfo.addProperty(
        "trainingPatients", split.training().stream().map(Case::groupId).distinct().count());
    dataInfo.addProperty("selectionCases", selection.size());
    dataInfo.addProperty(
        "selectionPatients", split.selection().stream().map(Case::groupId).distinct().count());
    Files.createDirectories(out);
    RunConfig run = new RunConfig(config, objective, dataInfo);
    AtomicFiles.writeString(configFile, GSON.toJson(run) + "\n");
    System.err.printf(
        "training %s (%s) on %d cases from %d patients; %d selection cases%n",
        config.modelType(),
        config.preset(),
        split.training().size(),
        dataInfo.get("trainingPatients").getAsLong(),
        selection.size());

    String modelName = name != null ? name : out.getFileName().toString();
    TrainingConfig finalConfig = config;
    ObjectiveSettings finalObjective = objective;
    try (TrainableModel model =
            TrainableModels.create(
                config, normalization, objective, trainingSet.height(), trainingSet.width());
        MetricsLog log = new MetricsLog(out)) {
      JsonObject configJson = GSON.toJsonTree(config).getAsJsonObject();
      BatchSampler sampler =
          new BatchSampler(
              trainingSet,
              config.batchSize(),
              model.noisePerImage(),
              model.uniformsPerImage(),
              config.seed(),
              new Augmentation(config.augment(), config.maxShift()),
              stats);
      List<TrainingListener> listeners = new ArrayList<>();
      listeners.add(log);
      listeners.add(new TerminalProgress(System.err, System.console() != null));
      listeners.add(
          new BestModelSaver(
              model,
              out.resolve("best"),
              selectionMetrics ->
                  describe(
                      modelName,
                      model,
                      normalization,
                      domain,
                      finalConfig,
                      finalObjective,
                      dataInfo,
                      selectionMetrics)));
      TrainingControl control = new TrainingControl();
      Trainer trainer =
          new Trainer(
              model,
              sampler,
              config,
              configJson,
              out,
              selection.isEmpty()
                  ? null
                  : new SelectionValidator(selection, config.validationSamples(), config.seed()),
              listeners,
              control);
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
        outcome = trainer.run(resume);
      } finally {
        done.countDown();
      }
      if (outcome == TrainingOutcome.FINISHED) {
        JsonObject finalMetrics = new JsonObject();
        finalMetrics.addProperty("step", config.steps());
        ModelStore.save(
            out.resolve("final"),
            describe(
                modelName, model, normalization, domain, config, objective, dataInfo, finalMetrics),
            model.exportParameters());
        System.err.println(
            "final model: "
                + out.resolve("final")
                + "; best by selection GED: "
                + out.resolve("best"));
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already shutting down: the hook is running
      }
      return outcome == TrainingOutcome.DIVERGED ? 4 : 0;
    }
  }

  private static ModelInfo describe(
      String name,
      TrainableModel model,
      Normalization normalization,
      TrainingDomain domain,
      TrainingConfig config,
      ObjectiveSettings objective,
      JsonObject dataInfo,
      JsonObject selection) {
    JsonObject training = new JsonObject();
    training.add("data", dataInfo);
    training.add("config", GSON.toJsonTree(config));
    if ("hpunet".equals(model.modelType())) {
      training.add("objective", GSON.toJsonTree(objective));
    }
    training.addProperty("steps", config.steps());
    training.addProperty("batch", config.batchSize());
    training.addProperty("seed", config.seed());
    training.addProperty("budgetImages", (long) config.steps() * config.batchSize());
    training.add("selection", selection);
    return ModelInfo.create(
        name, model.modelType(), model.architecture(), normalization, domain, training);
  }

  private static TrainingConfig withSteps(TrainingConfig c, int steps) {
    return new TrainingConfig(
        c.modelType(),
        c.preset(),
        steps,
        c.batchSize(),
        c.learningRate(),
        c.lrDecaySteps(),
        c.lrDecayFactor(),
        c.beta(),
        c.weightDecay(),
        c.clipNorm(),
        c.seed(),
        c.augment(),
        c.maxShift(),
        c.validateEvery(),
        c.checkpointEvery(),
        c.selectionFraction(),
        c.selectionCases(),
        c.validationSamples());
  }

  /** What config.json in a run folder holds. */
  record RunConfig(TrainingConfig training, ObjectiveSettings objective, JsonObject data) {}
}
