package org.ambiseg.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.util.Duration;
import org.ambiseg.app.ProblemReporter;
import org.ambiseg.core.BadInputException;
import org.ambiseg.train.TrainingOutcome;
import org.ambiseg.train.TrainingRun;

/**
 * The training dashboard's state and intents: the form (dataset, model, hyper-parameters) with its
 * dataset preview and validation, the live run (progress, chart series, sample strip) and the run
 * history. The run trains on its own thread ({@link TrainingSession}); this view-model polls it on
 * a {@link Timeline} at most {@link #POLL_MILLIS} apart instead of receiving one {@code runLater}
 * per step, so the FX thread does a bounded amount of work however fast training goes.
 */
public final class TrainingViewModel {

  /** Milliseconds between two polls of the running session (at most 10 UI updates a second). */
  public static final int POLL_MILLIS = 100;

  /** Cases shown in the dataset preview. */
  static final int PREVIEW_CASES = 3;

  /** Where the dashboard is. */
  public enum State {
    /** No run going: the form can start one. */
    IDLE,
    /** Training (or loading the data). */
    RUNNING,
    /** Paused between two steps. */
    PAUSED,
    /** A stop was asked: the checkpoint is being written. */
    STOPPING
  }

  private final Executor io;
  private final ProblemReporter problems;
  private final Consumer<Path> openModelInViewer;

  private final StringProperty dataPath = new SimpleStringProperty("");
  private final StringProperty runsFolder = new SimpleStringProperty();
  private final StringProperty modelType = new SimpleStringProperty("probunet");
  private final StringProperty preset = new SimpleStringProperty();
  private final StringProperty steps = new SimpleStringProperty();
  private final StringProperty batch = new SimpleStringProperty();
  private final StringProperty learningRate = new SimpleStringProperty();
  private final StringProperty beta = new SimpleStringProperty();
  private final StringProperty kappa = new SimpleStringProperty();
  private final BooleanProperty augment = new SimpleBooleanProperty(true);
  private final ObservableList<String> presets = FXCollections.observableArrayList();

  private final ReadOnlyObjectWrapper<DatasetPreview> preview = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper formProblems = new ReadOnlyStringWrapper("");
  private final AtomicLong previewRequest = new AtomicLong();

  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Path> currentRun = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<SamplePreview.Strip> strip = new ReadOnlyObjectWrapper<>();
  private final Map<String, ObservableList<XYChart.Series<Number, Number>>> charts =
      new LinkedHashMap<>();
  private final Map<String, ShownSeries> shown = new HashMap<>();

  private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
  private final ObjectProperty<RunSummary> selectedRun = new SimpleObjectProperty<>();

  private final Timeline poll;
  private TrainingSession session;
  private Runnable afterEnd;

  /** A series on a chart and how much of its {@link DecimatedSeries} it shows. */
  private record ShownSeries(XYChart.Series<Number, Number> series, long version, int size) {}

  /**
   * A dashboard reading datasets and run folders on {@code io}, reporting failures to {@code
   * problems}; {@code openModelInViewer} opens a model folder in the viewer (null when the app has
   * no viewer to open it in: the open buttons are then absent).
   */
  public TrainingViewModel(
      Executor io, ProblemReporter problems, Consumer<Path> openModelInViewer, Path runsFolder) {
    this.io = io;
    this.problems = problems;
    this.openModelInViewer = openModelInViewer;
    this.runsFolder.set(runsFolder.toString());
    for (String chart : ChartGroups.ALL) {
      charts.put(chart, FXCollections.observableArrayList());
    }
    applyDefaults("probunet");
    modelType.addListener((obs, old, type) -> applyDefaults(type));
    poll = new Timeline(new KeyFrame(Duration.millis(POLL_MILLIS), e -> poll()));
    poll.setCycleCount(Animation.INDEFINITE);
  }

  /** The default runs folder: AmbiSeg/runs in the user's home. */
  public static Path defaultRunsFolder() {
    return Path.of(System.getProperty("user.home"), "AmbiSeg", "runs");
  }

  private void applyDefaults(String type) {
    TrainingForm.Values d = TrainingForm.defaults(type);
    presets.setAll(TrainingForm.presets(type));
    preset.set(d.preset());
    if (steps.get() == null) {
      steps.set(d.steps());
      batch.set(d.batch());
      learningRate.set(d.learningRate());
      augment.set(d.augment());
    }
    beta.set(d.beta());
    kappa.set(d.kappa());
  }

  // ---- form ----

  /** Dataset path as typed (folder, zip or pickle). */
  public StringProperty dataPathProperty() {
    return dataPath;
  }

  /** Folder that holds the runs (new runs go here; the history lists it). */
  public StringProperty runsFolderProperty() {
    return runsFolder;
  }

  /** Model type: probunet, hpunet, mcdropout or unet. */
  public StringProperty modelTypeProperty() {
    return modelType;
  }

  /** Architecture preset. */
  public StringProperty presetProperty() {
    return preset;
  }

  /** The presets of the chosen model type. */
  public ObservableList<String> presets() {
    return presets;
  }

  /** Steps, as typed. */
  public StringProperty stepsProperty() {
    return steps;
  }

  /** Batch size, as typed. */
  public StringProperty batchProperty() {
    return batch;
  }

  /** Learning rate, as typed. */
  public StringProperty learningRateProperty() {
    return learningRate;
  }

  /** KL weight beta (Prob U-Net), as typed. */
  public StringProperty betaProperty() {
    return beta;
  }

  /** GECO kappa (HPU-Net), as typed. */
  public StringProperty kappaProperty() {
    return kappa;
  }

  /** Flips, rotations and shifts on or off. */
  public BooleanProperty augmentProperty() {
    return augment;
  }

  /** True when the chosen model type uses beta. */
  public boolean usesBeta() {
    return TrainingForm.usesBeta(modelType.get());
  }

  /** True when the chosen model type uses GECO kappa. */
  public boolean usesKappa() {
    return TrainingForm.usesKappa(modelType.get());
  }

  /** Problems of the form found by the last start attempt, one per line; empty when none. */
  public ReadOnlyStringProperty formProblemsProperty() {
    return formProblems.getReadOnlyProperty();
  }

  /** The preview of the chosen dataset, null until read. */
  public ReadOnlyObjectProperty<DatasetPreview> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  /** One line about the chosen dataset (format, size, split) or why it cannot be read. */
  public ReadOnlyStringProperty previewTextProperty() {
    return previewText.getReadOnlyProperty();
  }

  /** Reads the dataset preview in the background; a newer request supersedes an older one. */
  public void loadPreview() {
    Path path = pathOrNull(dataPath.get());
    long request = previewRequest.incrementAndGet();
    preview.set(null);
    if (path == null) {
      previewText.set("");
      return;
    }
    previewText.set("reading " + path.getFileName() + "\u2026");
    TrainingForm.Values d = TrainingForm.defaults("probunet");
    io.execute(
        () -> {
          DatasetPreview p = null;
          String text;
          try {
            p =
                DatasetPreview.read(
                    path,
                    PREVIEW_CASES,
                    org.ambiseg.train.TrainingConfig.probUNetDefaults(d.preset(), 1, 1, 1)
                        .selectionFraction(),
                    TrainingForm.SEED);
            text = p.summary();
          } catch (BadInputException | RuntimeException e) {
            text = "Cannot read the dataset: " + e.getMessage();
          }
          DatasetPreview result = p;
          String line = text;
          Platform.runLater(
              () -> {
                if (previewRequest.get() == request) {
                  preview.set(result);
                  previewText.set(line);
                }
              });
        });
  }

  // ---- run control ----

  /** Checks the form and starts a new run in a new folder of the runs folder. */
  public void start() {
    if (state.get() != State.IDLE) {
      return;
    }
    Path data = pathOrNull(dataPath.get());
    Path folder = pathOrNull(runsFolder.get());
    Path runDir = folder == null ? null : newRunDir(folder);
    TrainingForm.Checked checked = TrainingForm.check(formValues(), data, runDir);
    List<String> found = new java.util.ArrayList<>(checked.problems());
    if (folder == null) {
      found.add("Choose a runs folder.");
    }
    if (!found.isEmpty()) {
      formProblems.set(String.join("\n", found));
      return;
    }
    try {
      begin(TrainingRun.create(data, runDir, checked.config(), checked.objective()));
    } catch (BadInputException e) {
      formProblems.set(e.getMessage());
    }
  }

  /** Continues the selected run of the history from its checkpoint. */
  public void resumeSelected() {
    RunSummary run = selectedRun.get();
    if (state.get() != State.IDLE || run == null) {
      return;
    }
    try {
      begin(TrainingRun.resume(run.dir(), null, null));
    } catch (BadInputException e) {
      problems.report("Cannot resume " + run.dir().getFileName(), e.getMessage());
    }
  }

  private void begin(TrainingRun run) {
    formProblems.set("");
    for (ObservableList<XYChart.Series<Number, Number>> list : charts.values()) {
      list.clear();
    }
    shown.clear();
    strip.set(null);
    progress.set(0);
    currentRun.set(run.out());
    session = new TrainingSession(run);
    session.start();
    state.set(State.RUNNING);
    status.set((run.isResume() ? "resuming " : "starting ") + run.out());
    poll.play();
  }

  /** Pauses the run after its current step. */
  public void pause() {
    if (state.get() == State.RUNNING) {
      session.pause();
      state.set(State.PAUSED);
    }
  }

  /** Resumes a paused run. */
  public void resume() {
    if (state.get() == State.PAUSED) {
      session.resume();
      state.set(State.RUNNING);
    }
  }

  /** Asks the run to write a checkpoint and stop. */
  public void stop() {
    if (state.get() == State.RUNNING || state.get() == State.PAUSED) {
      session.stop();
      state.set(State.STOPPING);
      status.set("writing a checkpoint and stopping\u2026");
    }
  }

  /** True while a run is going (also while it is paused or stopping). */
  public boolean isTraining() {
    return state.get() != State.IDLE;
  }

  /** Stops the run (checkpoint first) and runs {@code then} on the FX thread once it has ended. */
  public void stopThen(Runnable then) {
    if (!isTraining()) {
      then.run();
      return;
    }
    afterEnd = then;
    stop();
  }

  private void poll() {
    TrainingSession s = session;
    if (s == null) {
      return;
    }
    updateCharts(s.metrics());
    LiveMetrics.Progress p = s.metrics().progress();
    long total = p.totalSteps() > 0 ? p.totalSteps() : s.run().config().steps();
    progress.set(total == 0 ? 0 : p.step() / (double) total);
    stepText.set("step " + p.step() + " / " + total);
    rateText.set(String.format(Locale.ROOT, "%.1f steps/s", p.stepsPerSecond()));
    elapsedText.set("elapsed " + duration(s.elapsedSeconds()));
    double eta = p.stepsPerSecond() > 0 ? (total - p.step()) / p.stepsPerSecond() : Double.NaN;
    etaText.set("ETA " + (state.get() == State.PAUSED ? "paused" : duration(eta)));
    SamplePreview.Strip latest = s.strip();
    if (latest != strip.get()) {
      strip.set(latest);
    }
    if (p.step() == 0 && state.get() == State.RUNNING) {
      status.set(s.lastLine());
    } else if (state.get() == State.RUNNING) {
      status.set("training " + s.run().out().getFileName());
    }
    TrainingSession.Result r = s.result();
    if (r != null) {
      end(s, r, p.step());
    }
  }

  private void end(TrainingSession s, TrainingSession.Result r, long step) {
    poll.stop();
    session = null;
    state.set(State.IDLE);
    if (r.outcome() == null) {
      status.set("failed: " + r.problem());
      problems.report("Training failed", r.problem());
    } else if (r.outcome() == TrainingOutcome.FINISHED) {
      status.set("finished " + step + " steps; final model in " + s.run().out().resolve("final"));
    } else if (r.outcome() == TrainingOutcome.STOPPED) {
      status.set("stopped at step " + step + "; checkpoint written, resume it from the history");
    } else {
      status.set("diverged at step " + step + "; the last good checkpoint is kept");
    }
    refreshRuns();
    Runnable then = afterEnd;
    afterEnd = null;
    if (then != null) {
      then.run();
    }
  }

  private void updateCharts(LiveMetrics metrics) {
    for (String name : metrics.seriesNames()) {
      ShownSeries s = shown.get(name);
      if (s == null) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        charts.get(ChartGroups.chartOf(name).orElseThrow()).add(series);
        s = new ShownSeries(series, 0, 0);
      }
      DecimatedSeries.Change c = metrics.changesSince(name, s.version(), s.size());
      if (c != null) {
        List<XYChart.Data<Number, Number>> points = new java.util.ArrayList<>(c.xs().length);
        for (int i = 0; i < c.xs().length; i++) {
          points.add(new XYChart.Data<>(c.xs()[i], c.ys()[i]));
        }
        if (c.replace()) {
          s.series().getData().setAll(points);
        } else {
          s.series().getData().addAll(points);
        }
        s = new ShownSeries(s.series(), c.version(), c.size());
      }
      shown.put(name, s);
    }
  }

  /** The dashboard's state. */
  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** Fraction of the run's steps done, 0..1. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  /** "step 120 / 2000". */
  public ReadOnlyStringProperty stepTextProperty() {
    return stepText.getReadOnlyProperty();
  }

  /** "12.5 steps/s". */
  public ReadOnlyStringProperty rateTextProperty() {
    return rateText.getReadOnlyProperty();
  }

  /** "elapsed 1m 02s". */
  public ReadOnlyStringProperty elapsedTextProperty() {
    return elapsedText.getReadOnlyProperty();
  }

  /** "ETA 3m 20s". */
  public ReadOnlyStringProperty etaTextProperty() {
    return etaText.getReadOnlyProperty();
  }

  /** What the dashboard is doing, one line. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Folder of the current (or last) run. */
  public ReadOnlyObjectProperty<Path> currentRunProperty() {
    return currentRun.getReadOnlyProperty();
  }

  /** The latest sample strip of the current run, null before its first validation. */
  ReadOnlyObjectProperty<SamplePreview.Strip> stripProperty() {
    return strip.getReadOnlyProperty();
  }

  /** The series of chart {@code chart} (one of {@link ChartGroups#ALL}). */
  public ObservableList<XYChart.Series<Number, Number>> chart(String chart) {
    return charts.get(chart);
  }

  // ---- history ----

  /** The runs of the runs folder, newest first. */
  ObservableList<RunSummary> runs() {
    return runs;
  }

  /** The run selected in the history. */
  ObjectProperty<RunSummary> selectedRunProperty() {
    return selectedRun;
  }

  /** Re-reads the runs folder in the background. */
  public void refreshRuns() {
    Path folder = pathOrNull(runsFolder.get());
    if (folder == null) {
      runs.clear();
      return;
    }
    io.execute(
        () -> {
          try {
            List<RunSummary> list = RunHistory.list(folder);
            Platform.runLater(() -> showRuns(list));
          } catch (IOException e) {
            Platform.runLater(
                () -> problems.report("Cannot list the runs in " + folder, e.getMessage()));
          }
        });
  }

  private void showRuns(List<RunSummary> list) {
    Path selected = selectedRun.get() == null ? null : selectedRun.get().dir();
    runs.setAll(list);
    list.stream().filter(r -> r.dir().equals(selected)).findFirst().ifPresent(selectedRun::set);
  }

  /** True when the app can open models in the viewer. */
  public boolean canOpenInViewer() {
    return openModelInViewer != null;
  }

  /** Opens the selected run's best model in the viewer. */
  public void openBestInViewer() {
    RunSummary r = selectedRun.get();
    if (r != null && openModelInViewer != null) {
      r.bestModel().ifPresent(openModelInViewer);
    }
  }

  /** Opens the selected run's final model in the viewer. */
  public void openFinalInViewer() {
    RunSummary r = selectedRun.get();
    if (r != null && openModelInViewer != null) {
      r.finalModel().ifPresent(openModelInViewer);
    }
  }

  private TrainingForm.Values formValues() {
    return new TrainingForm.Values(
        modelType.get(),
        preset.get(),
        steps.get(),
        batch.get(),
        learningRate.get(),
        beta.get(),
        kappa.get(),
        augment.get());
  }

  private Path newRunDir(Path folder) {
    String base =
        modelType.get()
            + "-"
            + LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    Path dir = folder.resolve(base);
    for (int i = 2; java.nio.file.Files.exists(dir); i++) {
      dir = folder.resolve(base + "-" + i);
    }
    return dir;
  }

  private static Path pathOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Path.of(text.trim());
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  /** "1h 02m", "3m 20s" or "?" for unknown. */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "?";
    }
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
  }
}
