package org.ambiseg.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.ambiseg.cli.CliMain;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.io.synth.SplitFractions;
import org.ambiseg.io.synth.SynthDatasetWriter;
import org.ambiseg.io.synth.SynthSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/**
 * Drives the training dashboard like a person: opens it from the Train menu, previews a generated
 * dataset, gets a clear message for a bad value, trains probunet-tiny, watches the charts and the
 * sample strip fill, pauses (steps stop), resumes, stops (checkpoint written, same layout as {@code
 * ambiseg train}), opens the best model in the "viewer" (a callback that loads the folder with
 * Estimators.open and samples), resumes the stopped run from the history at its next step, and
 * closes the window during training (asked, then checkpointed).
 */
class TrainingDashboardTest {

  /** Seconds to wait for training events: generous, the suite runs on a loaded machine. */
  private static final long LONG = 120;

  @TempDir Path tmp;

  private final FxRobot robot = new FxRobot();
  private final List<Path> opened = new CopyOnWriteArrayList<>();
  private ExecutorService io;
  private Stage mainStage;

  @BeforeAll
  static void toolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void showMenu() throws TimeoutException {
    io = Executors.newSingleThreadExecutor();
    Executor exec = io;
    Path runs = tmp.resolve("runs");
    mainStage =
        FxToolkit.setupStage(
            stage -> {
              TrainingMenu menu = new TrainingMenu(exec, opened::add, runs);
              stage.setScene(new Scene(new MenuBar(menu.menu()), 300, 80));
              stage.show();
            });
  }

  @AfterEach
  void close() throws TimeoutException {
    robot.robotContext().getWindowFinder().listWindows().stream()
        .filter(w -> w instanceof Stage s && TrainingWindow.TITLE.equals(s.getTitle()))
        .forEach(w -> robot.interact(((Stage) w)::close));
    FxToolkit.cleanupStages();
    io.shutdownNow();
  }

  /** Writes a tiny generated dataset (32x32, 12 cases, each its own patient). */
  static Path tinyDataset(Path dir, int cases) throws Exception {
    SynthDatasetWriter.write(
        dir, new SynthSettings(cases, 32, 5, new SplitFractions(1, 0, 0)), ProgressMonitor.NONE);
    return dir.resolve("train");
  }

  @Test
  void trainPauseResumeStopOpenInViewerAndResume() throws Exception {
    Path data = tinyDataset(tmp.resolve("data"), 12);

    robot.clickOn("Train");
    robot.clickOn(TrainingMenu.NEW_TRAINING_TEXT);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup("#start").tryQuery().isPresent());

    robot.interact(() -> text("#data-path").setText(data.toString()));
    robot.clickOn("#preview-data");
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> label("#preview-summary").getText().contains("training"));
    String summary = label("#preview-summary").getText();
    // 12 cases, one patient each; the run's split holds out round(0.1 * 12) = 1 patient
    assertTrue(summary.contains("12 cases"), summary);
    assertTrue(summary.contains("training 11 cases (11 patients)"), summary);
    assertTrue(summary.contains("selection 1 cases (1 patients)"), summary);
    FlowPane firstCase =
        (FlowPane)
            robot
                .lookup("#preview-cases")
                .queryAs(javafx.scene.layout.VBox.class)
                .getChildren()
                .get(0);
    assertEquals(1 + 4, firstCase.getChildren().size(), "image and its four raters");

    robot.clickOn("#preset");
    robot.clickOn("probunet-tiny");
    replace("#steps", "abc");
    replace("#batch", "2");
    robot.clickOn("#start");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("Steps must be a whole number, got 'abc'.", label("#form-problems").getText());
    assertFalse(Files.exists(tmp.resolve("runs")), "nothing started");

    // 40 steps: validation every 2 steps, a checkpoint every step (the CLI's schedule for 40)
    replace("#steps", "40");
    robot.clickOn("#start");
    // the training thread records each curve on its own, so one poll can show the loss a point
    // ahead of the KL: wait for all three curves rather than the loss alone
    WaitForAsyncUtils.waitFor(
        LONG,
        TimeUnit.SECONDS,
        () ->
            points(ChartGroups.LOSS, "loss") >= 2
                && points(ChartGroups.KL, "kl") >= 2
                && points(ChartGroups.LEARNING_RATE, "lr") >= 2);
    assertEquals("", label("#form-problems").getText());

    robot.clickOn("#pause");
    WaitForAsyncUtils.waitFor(
        LONG, TimeUnit.SECONDS, () -> label("#eta-text").getText().contains("paused"));
    // the step running when pause was pressed finishes; then nothing moves
    long before = step();
    WaitForAsyncUtils.waitFor(LONG, TimeUnit.SECONDS, () -> settled());
    long pausedAt = step();
    Thread.sleep(3000);
    assertEquals(pausedAt, step(), "no steps while paused");
    assertTrue(
        pausedAt <= before + 1, "at most the running step finished: " + before + " -> " + pausedAt);
    assertTrue(pausedAt < 40, "paused before the end, at " + pausedAt);

    robot.clickOn("#resume");
    WaitForAsyncUtils.waitFor(LONG, TimeUnit.SECONDS, () -> step() > pausedAt);
    // GED chart and the sample strip (image, 4 samples, mean, variance) after a validation
    WaitForAsyncUtils.waitFor(
        LONG, TimeUnit.SECONDS, () -> points(ChartGroups.VALIDATION, "ged") >= 1);
    WaitForAsyncUtils.waitFor(
        LONG,
        TimeUnit.SECONDS,
        () -> robot.lookup("#sample-strip").queryAs(FlowPane.class).getChildren().size() == 7);

    robot.clickOn("#stop");
    WaitForAsyncUtils.waitFor(
        LONG,
        TimeUnit.SECONDS,
        () -> label("#training-status").getText().startsWith("stopped at step"));
    long stoppedAt = step();
    Path run;
    try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
      run = s.findFirst().orElseThrow();
    }
    assertTrue(Files.isRegularFile(run.resolve("config.json")));
    assertTrue(Files.isRegularFile(run.resolve("metrics.jsonl")));
    assertTrue(Files.isRegularFile(run.resolve("checkpoints/last.ckpt")));
    assertTrue(Files.isRegularFile(run.resolve("best/model.json")), "a validation improved");
    assertFalse(Files.exists(run.resolve("final")), "stopped runs have no final model");
    assertSameLayoutAsCli(data, run);

    // the history lists it as stopped; its best model opens in the viewer and samples
    WaitForAsyncUtils.waitFor(LONG, TimeUnit.SECONDS, () -> historyLabel().contains("stopped"));
    assertTrue(historyLabel().contains("step " + stoppedAt + "/40"), historyLabel());
    robot.clickOn(robot.lookup("#run-list .list-cell").nth(0).queryAs(javafx.scene.Node.class));
    robot.clickOn("#open-best");
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> opened.size() == 1);
    assertEquals(run.resolve("best"), opened.get(0));
    assertSamples(opened.get(0));

    // resume it from its checkpoint: it continues at the next step, not from 0
    robot.clickOn("#resume-run");
    WaitForAsyncUtils.waitFor(LONG, TimeUnit.SECONDS, () -> step() > stoppedAt);

    // closing the window while training asks, then checkpoints and stops before closing
    Stage window = (Stage) robot.lookup("#start").query().getScene().getWindow();
    Platform.runLater(
        () -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> robot.lookup("#" + TrainingWindow.CLOSE_DIALOG_ID).tryQuery().isPresent());
    DialogPane ask = robot.lookup("#" + TrainingWindow.CLOSE_DIALOG_ID).queryAs(DialogPane.class);
    assertTrue(window.isShowing(), "still open while asking");
    robot.clickOn(ask.lookupButton(ButtonType.OK));
    WaitForAsyncUtils.waitFor(LONG, TimeUnit.SECONDS, () -> !window.isShowing());
    List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8);
    List<String> ends = lines.stream().filter(l -> l.contains("\"type\":\"end\"")).toList();
    assertEquals(2, ends.size(), ends.toString());
    assertTrue(
        lines.contains(
            lines.stream()
                .filter(l -> l.startsWith("{\"type\":\"step\",\"step\":" + (stoppedAt + 1) + ","))
                .findFirst()
                .orElse("missing step " + (stoppedAt + 1))),
        "the resumed run logged step " + (stoppedAt + 1));
    long firstSteps =
        lines.stream().filter(l -> l.startsWith("{\"type\":\"step\",\"step\":1,")).count();
    assertEquals(1, firstSteps, "step 1 was trained once: resuming did not start over");
  }

  private boolean settled() throws InterruptedException {
    long a = step();
    Thread.sleep(1000);
    return a == step();
  }

  /** A 4-step CLI run writes the same files and the same config.json, but for its schedule. */
  private void assertSameLayoutAsCli(Path data, Path appRun) throws Exception {
    Path cliRun = tmp.resolve("cli-run");
    CommandLine cl = CliMain.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code =
        cl.execute(
            "train",
            "--preset",
            "probunet-tiny",
            "--steps",
            "4",
            "--batch",
            "2",
            "--validate-every",
            "2",
            "--checkpoint-every",
            "2",
            "--data",
            data.toString(),
            "--out",
            cliRun.toString());
    assertEquals(0, code, err.toString());
    assertEquals(List.of("best", "checkpoints", "config.json", "metrics.jsonl"), names(appRun));
    TreeSet<String> cliNames = new TreeSet<>(names(cliRun));
    cliNames.remove("final");
    assertEquals(names(appRun), List.copyOf(cliNames));
    JsonObject app = json(appRun.resolve("config.json"));
    JsonObject cli = json(cliRun.resolve("config.json"));
    assertEquals(cli.keySet(), app.keySet());
    JsonObject appTraining = app.getAsJsonObject("training");
    JsonObject cliTraining = cli.getAsJsonObject("training");
    assertEquals(cliTraining.keySet(), appTraining.keySet());
    for (String schedule : List.of("steps", "validateEvery", "checkpointEvery")) {
      appTraining.remove(schedule);
      cliTraining.remove(schedule);
    }
    assertEquals(cliTraining, appTraining);
    assertEquals(cli.getAsJsonObject("objective"), app.getAsJsonObject("objective"));
    assertEquals(cli.getAsJsonObject("data").keySet(), app.getAsJsonObject("data").keySet());
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static JsonObject json(Path file) throws Exception {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }

  private static void assertSamples(Path modelDir) throws Exception {
    try (Estimator e = Estimators.open(modelDir)) {
      float[] px = new float[32 * 32];
      for (int i = 0; i < px.length; i++) {
        px[i] = (i % 32) / 31f;
      }
      SampleSet set = e.sample(Image2D.grey(32, 32, px), 3, 7);
      assertEquals(3, set.size());
      assertEquals(32, set.width());
    }
  }

  private String historyLabel() {
    @SuppressWarnings("unchecked")
    ListView<RunSummary> list = robot.lookup("#run-list").queryAs(ListView.class);
    return list.getItems().isEmpty() ? "" : list.getItems().get(0).label();
  }

  private long step() {
    String t = label("#step-text").getText();
    return t.isEmpty() ? 0 : Long.parseLong(t.split(" ")[1]);
  }

  private int points(String chart, String series) {
    @SuppressWarnings("unchecked")
    LineChart<Number, Number> c =
        robot
            .lookup(
                "#chart-" + chart.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT))
            .queryAs(LineChart.class);
    return c.getData().stream()
        .filter(s -> s.getName().equals(series))
        .mapToInt(s -> s.getData().size())
        .findFirst()
        .orElse(0);
  }

  private void replace(String id, String value) {
    robot.doubleClickOn(id);
    robot.interact(() -> text(id).selectAll());
    robot.write(value);
  }

  private TextField text(String id) {
    return robot.lookup(id).queryAs(TextField.class);
  }

  private Label label(String id) {
    return robot.lookup(id).queryAs(Label.class);
  }
}
