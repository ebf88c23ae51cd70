package org.ambiseg.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.ambiseg.app.compare.ColumnOpener;
import org.ambiseg.app.compare.CompareColumn;
import org.ambiseg.app.compare.CompareMenu;
import org.ambiseg.app.compare.CompareWindow;
import org.ambiseg.app.compare.EstimatorChoice;
import org.ambiseg.app.training.TrainingViewModel;
import org.ambiseg.app.training.TrainingWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Regenerates the screenshots in {@code docs/}: starts the real app on a dataset, opens one case,
 * waits until it is sampled, then selects each side panel in turn and writes a snapshot of the
 * window, then opens the compare view with the first estimators offered, and last the training
 * dashboard during a short run. Run by {@code docs/make-screenshots.sh} under a virtual display;
 * arguments: {@code <dataset> <case-index> <training-dataset> <out-dir>}. Exits with code 0 when
 * every picture was written, 1 otherwise.
 */
public final class ScreenshotTour {

  private ScreenshotTour() {}

  /** Starts the tour; see the class comment for the arguments. */
  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println(
          "usage: ScreenshotTour <dataset> <case-index> <training-dataset> <out-dir>");
      System.exit(2);
    }
    // launched through this plain class: an Application main class fails on the class path
    Application.launch(Tour.class, args);
  }

  /** The JavaFX side of the tour (public for {@link Application#launch}). */
  public static final class Tour extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);

    /** Longest wait for the model, the dataset or the samples, in seconds. */
    private static final double TIMEOUT_S = 300;

    /** Time given to background work (heatmaps, measurements) after the samples arrive. */
    private static final Duration SETTLE = Duration.seconds(3);

    /** Side panel titles and the file each is saved to. */
    private static final List<String[]> PANELS =
        List.of(
            new String[] {"Raters", "screenshot-main.png"},
            new String[] {"Uncertainty", "screenshot-uncertainty.png"},
            new String[] {"Latent", "screenshot-latent.png"},
            new String[] {"Cases", "screenshot-cases.png"},
            new String[] {"Measurements", "screenshot-measurements.png"});

    /** Steps of the training run shown on the dashboard (it is stopped at a third). */
    private static final int TRAINING_STEPS = 300;

    /** Estimator columns shown in the compare screenshot. */
    private static final int COMPARE_COLUMNS = 3;

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private AmbiSegApp app;
    private Stage stage;
    private Path outDir;
    private int caseIndex;
    private Path dataset;
    private Path trainingData;

    @Override
    public void start(Stage primary) throws IOException {
      List<String> args = getParameters().getUnnamed();
      dataset = Path.of(args.get(0));
      caseIndex = Integer.parseInt(args.get(1));
      trainingData = Path.of(args.get(2));
      outDir = Files.createDirectories(Path.of(args.get(3)));
      stage = primary;
      app = new AmbiSegApp();
      app.start(stage);

      steps.add(
          () ->
              waitUntil(
                  "the default model",
                  () -> app.session().estimatorProperty().get() != null,
                  this::next));
      steps.add(
          () -> {
            app.panels().browser().openDataset(dataset);
            waitUntil(
                "the dataset " + dataset,
                () -> app.panels().browser().allCases().size() > caseIndex,
                this::next);
          });
      steps.add(
          () -> {
            app.panels().browser().select(app.panels().browser().allCases().get(caseIndex));
            waitUntil(
                "the samples of case " + caseIndex,
                () ->
                    app.session().caseProperty().get() != null
                        && app.session().samplesProperty().get() != null
                        && !app.session().samplingProperty().get(),
                () -> after(SETTLE, this::next));
          });
      for (String[] panel : PANELS) {
        steps.add(() -> selectPanel(panel[0], () -> after(SETTLE, this::next)));
        steps.add(
            () -> {
              save(stage.getScene(), panel[1]);
              next();
            });
      }
      steps.add(this::compare);
      steps.add(this::training);
      steps.add(
          () -> {
            LOG.info("wrote {} screenshots to {}", PANELS.size() + 3, outDir);
            finish(0);
          });
      next();
    }

    private void compare() {
      selectPanel("Raters", () -> {});
      CompareWindow window =
          new CompareMenu(() -> stage, app.session(), app.executors().model(), ColumnOpener.DEFAULT)
              .open();
      List<EstimatorChoice> choices = window.model().choices();
      // the window already shows the viewer's estimator; add others up to COMPARE_COLUMNS
      List<EstimatorChoice> shown =
          window.model().columns().stream().map(CompareColumn::choice).toList();
      choices.stream()
          .filter(c -> !shown.contains(c))
          .limit(Math.max(0, COMPARE_COLUMNS - shown.size()))
          .forEach(window.model()::add);
      window.stage().setWidth(1400);
      window.stage().setHeight(700);
      waitUntil(
          "the compare columns",
          () ->
              !window.model().columns().isEmpty()
                  && window.model().columns().stream().allMatch(Tour::done),
          () ->
              after(
                  SETTLE,
                  () -> {
                    save(window.stage().getScene(), "screenshot-compare.png");
                    window.stage().close();
                    next();
                  }));
    }

    /**
     * Opens the training dashboard on a short probunet-tiny run on the training dataset, snapshots
     * it once a third of the run is done (curves, a validation, sample previews), then stops the
     * run.
     */
    private void training() {
      Path runs;
      try {
        runs = Files.createTempDirectory("ambiseg-tour-runs");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make a runs folder", e);
      }
      TrainingViewModel vm =
          new TrainingViewModel(
              app.executors().io(),
              (headline, message) -> LOG.error("{}: {}", headline, message),
              null,
              runs);
      TrainingWindow window = new TrainingWindow(vm);
      window.show();
      window.stage().setWidth(1280);
      window.stage().setHeight(800);
      vm.dataPathProperty().set(trainingData.toString());
      vm.presetProperty().set("probunet-tiny");
      vm.stepsProperty().set(Integer.toString(TRAINING_STEPS));
      vm.batchProperty().set("4");
      vm.start();
      waitUntil(
          "a third of the training run",
          () -> vm.progressProperty().get() >= 1.0 / 3,
          () ->
              after(
                  SETTLE,
                  () -> {
                    save(window.stage().getScene(), "screenshot-training.png");
                    scrollLivePaneToEnd(window);
                    save(window.stage().getScene(), "screenshot-training-validation.png");
                    vm.stop();
                    waitUntil(
                        "the training run to stop",
                        () -> vm.stateProperty().get() == TrainingViewModel.State.IDLE,
                        () -> {
                          window.stage().close();
                          next();
                        });
                  }));
    }

    /** Scrolls the dashboard's centre (the live charts) down to validation and sample previews. */
    private static void scrollLivePaneToEnd(TrainingWindow window) {
      BorderPane root = (BorderPane) window.stage().getScene().getRoot().lookup("#training-root");
      ScrollPane live = (ScrollPane) root.getCenter();
      live.setVvalue(live.getVmax());
      live.layout();
    }

    private static boolean done(CompareColumn column) {
      return !column.busyProperty().get()
          && (column.resultProperty().get() != null || !column.errorProperty().get().isEmpty());
    }

    private void selectPanel(String title, Runnable then) {
      TabPane tabs = (TabPane) stage.getScene().getRoot().lookup("#side-panels");
      Tab tab =
          tabs.getTabs().stream()
              .filter(t -> t.getText().equals(title))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no side panel named " + title));
      tabs.getSelectionModel().select(tab);
      then.run();
    }

    private void save(Scene scene, String name) {
      BufferedImage picture = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
      Path file = outDir.resolve(name);
      try {
        ImageIO.write(picture, "png", file.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
      LOG.info("wrote {}", file);
    }

    private void next() {
      Runnable step = steps.poll();
      if (step != null) {
        Platform.runLater(
            () -> {
              try {
                step.run();
              } catch (RuntimeException e) {
                LOG.error("screenshot tour failed", e);
                finish(1);
              }
            });
      }
    }

    private void waitUntil(String what, BooleanSupplier condition, Runnable then) {
      long deadline = System.nanoTime() + (long) (TIMEOUT_S * 1e9);
      Timeline poll = new Timeline();
      poll.getKeyFrames()
          .add(
              new KeyFrame(
                  Duration.millis(100),
                  e -> {
                    if (condition.getAsBoolean()) {
                      poll.stop();
                      then.run();
                    } else if (System.nanoTime() > deadline) {
                      poll.stop();
                      LOG.error("gave up waiting for {} after {} s", what, TIMEOUT_S);
                      finish(1);
                    }
                  }));
      poll.setCycleCount(Timeline.INDEFINITE);
      poll.play();
    }

    private static void after(Duration delay, Runnable then) {
      Timeline wait = new Timeline(new KeyFrame(delay, e -> then.run()));
      wait.play();
    }

    private void finish(int code) {
      app.stop();
      Platform.exit();
      System.exit(code);
    }
  }
}
