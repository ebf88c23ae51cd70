package org.ambiseg.app.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ambiseg.app.ProblemReporter;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view-model every case view binds to: the open {@link Case}, the model and its {@link
 * Estimator}, the sample count N and seed, and the {@link SampleSet} they give (with its {@link
 * SampleAnalysis}). Intents: {@link #showCase}, {@link #openModel}, {@link #resample}; changing N
 * or the seed samples again.
 *
 * <p>Threading: call everything on the FX thread. Loading an estimator and sampling run on the one
 * model thread; the latest request wins (a queued request that was superseded is skipped, a result
 * that is no longer current is dropped), so samples never land on another case, model, N or seed.
 * The estimator replaced by {@link #openModel} is closed on the model thread after the work already
 * queued for it.
 */
public final class CaseSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CaseSession.class);

  /** The sample counts offered. */
  public static final List<Integer> SAMPLE_COUNTS = List.of(4, 8, 16, 32, 64);

  /** Samples drawn when nothing else is chosen. */
  public static final int DEFAULT_SAMPLE_COUNT = 16;

  private final ExecutorService modelThread;
  private final ProblemReporter problems;
  private final EstimatorOpener opener;
  private final ObservableList<ModelEntry> models;

  private final ReadOnlyObjectWrapper<Case> currentCase = new ReadOnlyObjectWrapper<>(this, "case");
  private final ReadOnlyObjectWrapper<Estimator> estimator =
      new ReadOnlyObjectWrapper<>(this, "estimator");
  private final ReadOnlyObjectWrapper<ModelEntry> model =
      new ReadOnlyObjectWrapper<>(this, "model");
  private final IntegerProperty sampleCount =
      new SimpleIntegerProperty(this, "sampleCount", DEFAULT_SAMPLE_COUNT);
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
  private final ReadOnlyObjectWrapper<SampleSet> samples =
      new ReadOnlyObjectWrapper<>(this, "samples");
  private final ReadOnlyObjectWrapper<SampleAnalysis> analysis =
      new ReadOnlyObjectWrapper<>(this, "analysis");
  private final ReadOnlyBooleanWrapper sampling = new ReadOnlyBooleanWrapper(this, "sampling");
  private final ReadOnlyBooleanWrapper loadingModel =
      new ReadOnlyBooleanWrapper(this, "loadingModel");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning", "");

  private final AtomicLong latestSampling = new AtomicLong();
  private final AtomicLong latestModel = new AtomicLong();
  private String samplingProblem = "";

  /**
   * A session that runs model work on {@code modelThread}, opens models with {@code opener}, offers
   * {@code models} in the picker and reports models that fail to open to {@code problems}.
   */
  public CaseSession(
      ExecutorService modelThread,
      ProblemReporter problems,
      EstimatorOpener opener,
      List<ModelEntry> models) {
    this.modelThread = Objects.requireNonNull(modelThread, "modelThread");
    this.problems = Objects.requireNonNull(problems, "problems");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.models =
        FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(models));
    sampleCount.addListener((obs, old, now) -> requestSamples());
    seed.addListener((obs, old, now) -> requestSamples());
  }

  /** The open case (an opened single image is a case without raters); null when none. */
  public ReadOnlyObjectProperty<Case> caseProperty() {
    return currentCase.getReadOnlyProperty();
  }

  /** The estimator of the current model; null until a model has loaded. */
  public ReadOnlyObjectProperty<Estimator> estimatorProperty() {
    return estimator.getReadOnlyProperty();
  }

  /** The current model; null until a model has loaded. */
  public ReadOnlyObjectProperty<ModelEntry> modelProperty() {
    return model.getReadOnlyProperty();
  }

  /** Number of samples N (one of {@link #SAMPLE_COUNTS} in the UI; default 16). */
  public IntegerProperty sampleCountProperty() {
    return sampleCount;
  }

  /** The sampling seed; the same case, model, N and seed always give the same samples. */
  public LongProperty seedProperty() {
    return seed;
  }

  /** The samples of the current case for the current estimator, N and seed; null while none. */
  public ReadOnlyObjectProperty<SampleSet> samplesProperty() {
    return samples.getReadOnlyProperty();
  }

  /** Modes and scores of {@link #samplesProperty()}; null exactly when the samples are null. */
  public ReadOnlyObjectProperty<SampleAnalysis> analysisProperty() {
    return analysis.getReadOnlyProperty();
  }

  /** True while samples are being drawn for the current request. */
  public ReadOnlyBooleanProperty samplingProperty() {
    return sampling.getReadOnlyProperty();
  }

  /** True while a model is being loaded. */
  public ReadOnlyBooleanProperty loadingModelProperty() {
    return loadingModel.getReadOnlyProperty();
  }

  /** One line of progress: "Loading model ...", "Sampling 16 ...", "16 samples in 140 ms". */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /**
   * Why the samples of the current case may be unreliable or missing: the image is far outside the
   * model's training domain, or the model cannot sample it; empty when all is well.
   */
  public ReadOnlyStringProperty warningProperty() {
    return warning.getReadOnlyProperty();
  }

  /** The models the picker offers (shipped and user models). */
  public ObservableList<ModelEntry> models() {
    return models;
  }

  /**
   * Makes {@code c} the open case and samples it; when another model's training domain fits its
   * image strictly better ({@link ModelPreference}), switches to that model first.
   */
  public void showCase(Case c) {
    Objects.requireNonNull(c, "case");
    checkFxThread();
    samples.set(null);
    analysis.set(null);
    currentCase.set(c);
    Optional<ModelEntry> better = ModelPreference.better(c.image(), model.get(), models);
    if (better.isPresent() && better.get() != model.get() && !loadingModel.get()) {
      LOG.info("case {} fits model {} better; switching", c.id(), better.get().name());
      openModel(better.get().dir());
      return;
    }
    requestSamples();
  }

  /**
   * Loads the model in {@code dir} on the model thread and, once loaded, makes it the current model
   * and samples the open case again. A model that fails to load is reported and the previous one
   * stays.
   */
  public void openModel(Path dir) {
    Objects.requireNonNull(dir, "dir");
    checkFxThread();
    long id = latestModel.incrementAndGet();
    Optional<ModelEntry> known = find(dir);
    String name = known.map(ModelEntry::name).orElse(String.valueOf(dir.getFileName()));
    loadingModel.set(true);
    status.set("Loading model " + name + " ...");
    submit(
        () -> {
          if (id != latestModel.get()) {
            return; // superseded before it started
          }
          ModelEntry entry;
          Estimator loaded;
          try {
            entry = known.isPresent() ? known.get() : ModelEntry.read(dir);
            loaded = opener.open(entry);
          } catch (BadInputException | RuntimeException e) {
            Platform.runLater(() -> modelFailed(id, dir, e));
            return;
          }
          Platform.runLater(() -> install(id, entry, loaded));
        });
  }

  /** Draws the next seed (seed + 1), which samples the current case again. */
  public void resample() {
    checkFxThread();
    seed.set(seed.get() + 1);
  }

  /**
   * Closes the current estimator on the model thread, waiting up to two seconds for the work before
   * it; later results are dropped.
   */
  @Override
  public void close() {
    latestSampling.incrementAndGet();
    latestModel.incrementAndGet();
    Estimator current = estimator.get();
    estimator.set(null);
    if (current == null) {
      return;
    }
    try {
      Future<?> done = modelThread.submit(current::close);
      done.get(2, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("model thread already stopped; estimator left to the exiting process");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("closing the estimator: {}", e.toString());
    }
  }

  private void install(long id, ModelEntry entry, Estimator loaded) {
    if (id != latestModel.get()) {
      submit(loaded::close);
      return;
    }
    Estimator old = estimator.get();
    estimator.set(loaded);
    model.set(entry);
    loadingModel.set(false);
    if (old != null) {
      // queued after every sampling request that still uses it: the thread runs them in order
      submit(old::close);
    }
    status.set("Model " + entry.name() + " loaded");
    requestSamples();
  }

  private void modelFailed(long id, Path dir, Exception e) {
    if (id != latestModel.get()) {
      return;
    }
    loadingModel.set(false);
    String message =
        e instanceof BadInputException
            ? e.getMessage()
            : dir + ": cannot open the model (" + e + ")";
    if (!(e instanceof BadInputException)) {
      LOG.error("unexpected error opening model {}", dir, e);
    }
    status.set("Could not load model " + dir.getFileName());
    problems.report("Could not load model " + dir.getFileName(), message);
    requestSamples();
  }

  /** Starts sampling the current case with the current estimator, N and seed, if all are there. */
  private void requestSamples() {
    long id = latestSampling.incrementAndGet();
    samples.set(null);
    analysis.set(null);
    samplingProblem = "";
    Case c = currentCase.get();
    Estimator est = estimator.get();
    updateWarning();
    if (c == null || est == null || loadingModel.get()) {
      sampling.set(false);
      return;
    }
    int n = sampleCount.get();
    long s = seed.get();
    sampling.set(true);
    status.set("Sampling " + n + " ...");
    long start = System.nanoTime();
    submit(
        () -> {
          if (id != latestSampling.get()) {
            return; // a newer request supersedes this one
          }
          SampleSet result;
          SampleAnalysis summary;
          try {
            result = est.sample(c.image(), n, s);
            summary = id == latestSampling.get() ? SampleAnalysis.of(result, c) : null;
          } catch (RuntimeException e) {
            Platform.runLater(() -> samplingFailed(id, c, e));
            return;
          }
          if (summary == null) {
            return;
          }
          long ms = (System.nanoTime() - start) / 1_000_000;
          Platform.runLater(() -> publish(id, result, summary, ms));
        });
  }

  private void publish(long id, SampleSet result, SampleAnalysis summary, long ms) {
    if (id != latestSampling.get()) {
      return;
    }
    samples.set(result);
    analysis.set(summary);
    sampling.set(false);
    status.set(result.size() + " samples in " + ms + " ms");
  }

  private void samplingFailed(long id, Case c, RuntimeException e) {
    if (id != latestSampling.get()) {
      return;
    }
    LOG.info("cannot sample case {}: {}", c.id(), e.getMessage());
    sampling.set(false);
    samplingProblem = "Cannot sample " + c.id() + ": " + e.getMessage();
    status.set("No samples");
    updateWarning();
  }

  private void updateWarning() {
    Case c = currentCase.get();
    ModelEntry m = model.get();
    String domain = "";
    if (c != null && m != null) {
      List<String> w = m.info().domain().map(d -> d.warningsFor(c.image())).orElse(List.of());
      if (!w.isEmpty()) {
        domain = "Outside the training domain of " + m.name() + ": " + String.join("; ", w);
      }
    }
    if (samplingProblem.isEmpty()) {
      warning.set(domain);
    } else {
      warning.set(domain.isEmpty() ? samplingProblem : samplingProblem + ". " + domain);
    }
  }

  private Optional<ModelEntry> find(Path dir) {
    Path wanted = dir.toAbsolutePath().normalize();
    return models.stream()
        .filter(m -> m.dir().toAbsolutePath().normalize().equals(wanted))
        .findFirst();
  }

  private void submit(Runnable work) {
    try {
      modelThread.execute(work);
    } catch (RejectedExecutionException e) {
      LOG.debug("model thread stopped; work dropped");
      sampling.set(false);
    }
  }

  private static void checkFxThread() {
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException("call the session on the JavaFX thread");
    }
  }
}
