package org.ambiseg.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.io.AtomicFiles;
import org.ambiseg.model.DenormalFlush;
import org.ambiseg.model.Devices;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.MoseModel;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TrainingDomain;

/**
 * One training run in its run folder, shared by {@code ambiseg train} and the app's dashboard so
 * both write the same layout and can resume each other's runs: {@code config.json}, {@code
 * metrics.jsonl}, {@code checkpoints/last.ckpt}, {@code best/} (lowest selection GED) and {@code
 * final/}. It loads the data, splits it by patient, builds the model and runs the one {@link
 * Trainer} with the log, best-model and caller's listeners.
 */
public final class TrainingRun {

  /** File name of the run's configuration in the run folder. */
  public static final String CONFIG_FILE = "config.json";

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  /**
   * What config.json in a run folder holds; {@code mose} only for MoSE runs (null otherwise and in
   * older runs).
   */
  public record RunConfig(
      TrainingConfig training, ObjectiveSettings objective, JsonObject data, MoseSettings mose) {}

  /**
   * What the caller's listeners may use, built once the data and the model exist: the model (to be
   * used only from the training thread, inside listener calls), the selection cases scored at each
   * validation, and the configuration.
   */
  public record Session(TrainableModel model, List<Case> selection, TrainingConfig config) {}

  private final Path out;
  private final Path data;
  private final TrainingConfig config;
  private final ObjectiveSettings objective;
  private final MoseSettings mose;
  private final boolean resume;
  private Integer limit;
  private String name;

  private TrainingRun(
      Path out,
      Path data,
      TrainingConfig config,
      ObjectiveSettings objective,
      MoseSettings mose,
      boolean resume) {
    this.out = out;
    this.data = data;
    this.config = config;
    this.objective = objective;
    this.mose = mose;
    this.resume = resume;
  }

  /**
   * A new run of {@code config} on {@code data} into {@code out}.
   *
   * @throws BadInputException when {@code out} already holds a run
   */
  public static TrainingRun create(
      Path data, Path out, TrainingConfig config, ObjectiveSettings objective)
      throws BadInputException {
    return create(data, out, config, objective, MoseSettings.DEFAULT);
  }

  /**
   * As above, with the settings of MoSE's objective (used only when the model type is mose).
   *
   * @throws BadInputException when {@code out} already holds a run
   */
  public static TrainingRun create(
      Path data, Path out, TrainingConfig config, ObjectiveSettings objective, MoseSettings mose)
      throws BadInputException {
    if (Files.exists(out.resolve("checkpoints"))) {
      throw new BadInputException(
          out, "already holds a run; resume it or choose another run folder");
    }
    TrainableModels.checkPreset(config.modelType(), config.preset());
    return new TrainingRun(out, data, config, objective, mose, false);
  }

  /**
   * Continues the run in {@code out} from its checkpoint (or from the start when it crashed before
   * the first one), on {@code data}, or on the dataset config.json names when {@code data} is null;
   * {@code steps}, when larger than the stored total, extends the run.
   *
   * @throws BadInputException when {@code out} holds no readable config.json
   */
  public static TrainingRun resume(Path out, Path data, Integer steps) throws BadInputException {
    RunConfig stored = readConfig(out);
    TrainingConfig config = stored.training();
    if (steps != null && steps > config.steps()) {
      config = withSteps(config, steps);
    }
    Path dataPath = data;
    if (dataPath == null) {
      if (stored.data() == null || !stored.data().has("path")) {
        throw new BadInputException(out.resolve(CONFIG_FILE), "names no dataset path");
      }
      dataPath = Path.of(stored.data().get("path").getAsString());
    }
    ObjectiveSettings objective =
        stored.objective() == null ? ObjectiveSettings.PUBLISHED : stored.objective();
    MoseSettings mose = stored.mose() == null ? MoseSettings.DEFAULT : stored.mose();
    return new TrainingRun(out, dataPath, config, objective, mose, true);
  }

  /** Reads config.json of the run in {@code out}. */
  public static RunConfig readConfig(Path out) throws BadInputException {
    Path file = out.resolve(CONFIG_FILE);
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(out, "no run here (no " + CONFIG_FILE + ")");
    }
    try {
      RunConfig run =
          GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RunConfig.class);
      if (run == null || run.training() == null) {
        throw new BadInputException(file, "holds no training configuration");
      }
      return run;
    } catch (IOException | JsonParseException e) {
      throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Uses only the first {@code limit} cases (all when null), for quick runs. */
  public TrainingRun limit(Integer limit) {
    this.limit = limit;
    return this;
  }

  /** The model name written to model.json (default: the run folder's name). */
  public TrainingRun name(String name) {
    this.name = name;
    return this;
  }

  /** The run folder. */
  public Path out() {
    return out;
  }

  /** The dataset trained on. */
  public Path data() {
    return data;
  }

  /** The run's configuration (with the extended step count when resuming with more steps). */
  public TrainingConfig config() {
    return config;
  }

  /** True when this run continues from a checkpoint. */
  public boolean isResume() {
    return resume;
  }

  /**
   * Loads the data, writes config.json and trains until finished, stopped through {@code control}
   * or diverged; a finished run also gets {@code final/}. Call on the thread that should train.
   *
   * @param log where loading and the run's start and end are reported, one line each
   * @param control pause and stop requests
   * @param extra the caller's listeners (progress bar, dashboard), given the session
   * @throws BadInputException when the data or the checkpoint cannot be used
   * @throws IOException when the run folder cannot be written
   */
  public TrainingOutcome run(
      PrintStream log, TrainingControl control, Function<Session, List<TrainingListener>> extra)
      throws BadInputException, IOException {
    gradModeOffOnThisThread();
    // before this thread's first tensor operation, so libtorch's worker threads inherit it
    DenormalFlush.enableOnThisThread();
    List<Case> cases = CaseLoading.loadAll(data, limit, log);
    PatientSplit.Split split = PatientSplit.split(cases, config.selectionFraction(), config.seed());
    List<Case> selection =
        split.selection().subList(0, Math.min(config.selectionCases(), split.selection().size()));
    TrainingSet trainingSet;
    try {
      trainingSet = new TrainingSet(split.training());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(data, e.getMessage());
    }
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
    JsonObject dataInfo = dataInfo(split, selection);
    Files.createDirectories(out);
    AtomicFiles.writeString(
        out.resolve(CONFIG_FILE),
        GSON.toJson(new RunConfig(config, objective, dataInfo, isMose() ? mose : null)) + "\n");
    log.printf(
        "training %s (%s) on %d cases from %d patients; %d selection cases%n",
        config.modelType(),
        config.preset(),
        split.training().size(),
        dataInfo.get("trainingPatients").getAsLong(),
        selection.size());

    String modelName = name != null ? name : out.getFileName().toString();
    TrainableModel created;
    try {
      created =
          TrainableModels.create(
              config, normalization, objective, mose, trainingSet.height(), trainingSet.width());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(data, e.getMessage());
    }
    try (TrainableModel model = created;
        MetricsLog metricsLog = new MetricsLog(out)) {
      Function<JsonObject, ModelInfo> describe =
          selectionMetrics ->
              describe(modelName, model, normalization, domain, dataInfo, selectionMetrics);
      BatchSampler sampler =
          new BatchSampler(
              trainingSet,
              config.batchSize(),
              model.noisePerImage(),
              model.uniformsPerImage(),
              config.seed(),
              new Augmentation(config.augment(), config.maxShift()),
              stats,
              model.needsAllRaters());
      List<TrainingListener> listeners = new ArrayList<>();
      listeners.add(metricsLog);
      listeners.addAll(extra.apply(new Session(model, selection, config)));
      listeners.add(new BestModelSaver(model, out.resolve("best"), describe));
      LastValidation lastValidation = new LastValidation();
      listeners.add(lastValidation);
      Trainer trainer =
          new Trainer(
              model,
              sampler,
              config,
              GSON.toJsonTree(config).getAsJsonObject(),
              out,
              selection.isEmpty()
                  ? null
                  : new SelectionValidator(selection, config.validationSamples(), config.seed()),
              listeners,
              control);
      TrainingOutcome outcome = trainer.run(resume);
      if (outcome == TrainingOutcome.FINISHED) {
        JsonObject finalMetrics = new JsonObject();
        finalMetrics.addProperty("step", config.steps());
        lastValidation.at(config.steps()).forEach(finalMetrics::addProperty);
        finalMetrics.addProperty("elapsed_s", trainer.elapsedSeconds());
        ModelStore.save(
            out.resolve("final"), describe.apply(finalMetrics), model.exportParameters());
        log.println(
            "final model: "
                + out.resolve("final")
                + "; best by selection GED: "
                + out.resolve("best"));
      }
      return outcome;
    }
  }

  /**
   * PyTorch's grad mode is per thread, and DJL turns it off only on the thread that started the
   * engine; on any other thread (the app's training thread, or the CLI's after the app started the
   * engine) building a model fails with "a leaf Variable that requires grad is being used in an
   * in-place operation". Gradients are recorded only inside a GradientCollector, as everywhere.
   */
  private static void gradModeOffOnThisThread() {
    if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
      JniUtils.setGradMode(false);
    }
  }

  private JsonObject dataInfo(PatientSplit.Split split, List<Case> selection) {
    JsonObject info = new JsonObject();
    info.addProperty("path", data.toString());
    info.addProperty("trainingCases", split.training().size());
    info.addProperty(
        "trainingPatients", split.training().stream().map(Case::groupId).distinct().count());
    info.addProperty("selectionCases", selection.size());
    info.addProperty(
        "selectionPatients", split.selection().stream().map(Case::groupId).distinct().count());
    return info;
  }

  private ModelInfo describe(
      String modelName,
      TrainableModel model,
      Normalization normalization,
      TrainingDomain domain,
      JsonObject dataInfo,
      JsonObject selection) {
    JsonObject training = new JsonObject();
    training.add("data", dataInfo);
    training.add("config", GSON.toJsonTree(config));
    if ("hpunet".equals(model.modelType())) {
      training.add("objective", GSON.toJsonTree(objective));
    }
    if (isMose()) {
      training.add("objective", GSON.toJsonTree(mose));
    }
    training.addProperty("steps", config.steps());
    training.addProperty("batch", config.batchSize());
    training.addProperty("seed", config.seed());
    training.addProperty("budgetImages", (long) config.steps() * config.batchSize());
    training.add("selection", selection);
    training.add("budget", budget(selection));
    return ModelInfo.create(
        modelName, model.modelType(), model.architecture(), normalization, domain, training);
  }

  /**
   * What the saved weights cost: steps and images up to their step, training wall time (across
   * resumes, validations included) and the machine it ran on.
   */
  private JsonObject budget(JsonObject selection) {
    JsonObject budget = new JsonObject();
    if (selection.has("step")) {
      long step = selection.get("step").getAsLong();
      budget.addProperty("steps", step);
      budget.addProperty("images", step * config.batchSize());
    }
    if (selection.has("elapsed_s")) {
      double seconds = selection.get("elapsed_s").getAsDouble();
      budget.addProperty("trainingWallSeconds", Math.round(seconds * 10) / 10.0);
    }
    budget.addProperty(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " CPU cores, libtorch intra-op threads "
            + System.getProperty("ai.djl.pytorch.num_threads", "default")
            + ", device "
            + Devices.describe(Devices.select()));
    return budget;
  }

  private boolean isMose() {
    return MoseModel.MODEL_TYPE.equals(config.modelType());
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
}
