package org.ambiseg.app.export;

import static org.ambiseg.app.export.ExportFixtures.H;
import static org.ambiseg.app.export.ExportFixtures.W;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.ExportStamp;
import org.ambiseg.io.GifFrames;
import org.ambiseg.io.ImageMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the GIF export dialog on a hand-built sample set: the preview plays, the spinners change
 * the frame rate and enlargement, Export writes the file the (test) chooser names, and Cancel
 * during the write leaves no file.
 */
class GifExportDialogTest {

  private static final int N = 4;

  @TempDir Path tmp;

  private final FxRobot robot = new FxRobot();
  private final AtomicReference<Path> choice = new AtomicReference<>();
  private final List<String> problems = new ArrayList<>();
  private ExecutorService executor;
  private GifExportDialog dialog;
  private GifExportViewModel model;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void startExecutor() {
    executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "test-export");
              t.setDaemon(true);
              return t;
            });
  }

  @AfterEach
  void closeDialog() throws InterruptedException {
    if (dialog != null) {
      robot.interact(() -> dialog.stage().hide());
    }
    executor.shutdownNow();
    assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
  }

  private void open(GifWriteJob job) {
    open(job, null);
  }

  private void open(GifWriteJob job, Window owner) {
    robot.interact(
        () -> {
          model =
              new GifExportViewModel(
                  ExportFixtures.image(),
                  FrameSource.samples(ExportFixtures.samples(N)),
                  ExportFixtures.stamp(N),
                  new SessionJsonTest.FixedChooser(choice),
                  executor,
                  (headline, message) -> problems.add(message),
                  job);
          dialog = new GifExportDialog(model, owner);
          dialog.show();
        });
  }

  @Test
  void previewPlaysAndExportWritesTheChosenSettings() throws Exception {
    open(GifExport::write);
    assertTrue(model.isPreviewPlaying());
    int first = model.previewIndexProperty().get();
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> model.previewIndexProperty().get() != first);

    // 4 fps -> 5 fps (step 0.5), enlargement 3 -> 5
    robot.clickOn("#gif-fps .increment-arrow-button");
    robot.clickOn("#gif-fps .increment-arrow-button");
    robot.clickOn("#gif-scale .increment-arrow-button");
    robot.clickOn("#gif-scale .increment-arrow-button");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(5.0, model.fpsProperty().get());
    assertEquals(5, model.scaleProperty().get());
    assertTrue(model.isPreviewPlaying(), "still playing at the new rate");

    Image preview = robot.lookup("#gif-preview").queryAs(ImageView.class).getImage();
    assertEquals(W * 5, preview.getWidth(), "the preview is rendered as the GIF will be");
    assertEquals(H * 5, preview.getHeight());
    assertTrue(
        robot.lookup("#gif-frame").queryLabeled().getText().matches("sample [1-4]/4"),
        robot.lookup("#gif-frame").queryLabeled().getText());

    Path gif = tmp.resolve("out.gif");
    choice.set(gif);
    robot.clickOn("#gif-export");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> gif.equals(model.lastWrittenProperty().get()));
    WaitForAsyncUtils.waitForFxEvents();

    GifFrames g = GifFrames.read(gif);
    assertEquals(N, g.count());
    assertEquals(W * 5, g.width());
    assertEquals(H * 5, g.height());
    assertEquals(List.of(20, 20, 20, 20), g.delays(), "5 fps = 20/100 s");
    assertTrue(g.loopsForever());
    assertEquals(
        ExportFixtures.stamp(N), ExportStamp.fromText(ImageMetadata.gifComments(gif).get(0)));
    assertEquals(1.0, model.progressProperty().get());
    assertEquals(
        "Wrote out.gif: 4 frames, 40 \u00d7 30",
        robot.lookup("#gif-status").queryLabeled().getText());
    assertEquals(List.of(), problems);
  }

  @Test
  void cancelDuringTheWriteLeavesNoFile() throws Exception {
    CountDownLatch midway = new CountDownLatch(1);
    open(heldAfterTwoFrames(midway));
    Path gif = tmp.resolve("cancelled.gif");
    choice.set(gif);

    robot.clickOn("#gif-export");
    assertTrue(midway.await(10, TimeUnit.SECONDS), "the write reached its second frame");
    assertTrue(model.writingProperty().get());
    assertTrue(robot.lookup("#gif-export").queryAs(Button.class).isDisabled());
    robot.clickOn("#gif-cancel");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.writingProperty().get());
    WaitForAsyncUtils.waitForFxEvents();

    assertFalse(Files.exists(gif), "no GIF");
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(), files.toList(), "no temporary file either");
    }
    assertEquals(
        "Cancelled: cancelled.gif was not written",
        robot.lookup("#gif-status").queryLabeled().getText());
    assertEquals(List.of(), problems, "a cancel is not a problem");

    // the dialog stays usable: the next export writes the file
    Path again = tmp.resolve("again.gif");
    choice.set(again);
    robot.clickOn("#gif-export");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> again.equals(model.lastWrittenProperty().get()));
    assertEquals(N, GifFrames.read(again).count());
  }

  /**
   * Closing the main window during a write (as quitting the app does) closes the dialog with it,
   * which cancels the write: no GIF, no temporary file, no error; the app's executor then stops.
   */
  @Test
  void closingTheOwnerWindowDuringTheWriteCancelsItAndLeavesNoFile() throws Exception {
    CountDownLatch midway = new CountDownLatch(1);
    Stage[] main = new Stage[1];
    robot.interact(
        () -> {
          main[0] = new Stage();
          main[0].setScene(new Scene(new StackPane(), 200, 100));
          main[0].show();
        });
    open(heldAfterTwoFrames(midway), main[0]);
    Path gif = tmp.resolve("closed.gif");
    choice.set(gif);

    robot.clickOn("#gif-export");
    assertTrue(midway.await(10, TimeUnit.SECONDS), "the write reached its second frame");
    robot.interact(() -> main[0].close());
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.writingProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(dialog.stage().isShowing(), "the dialog closed with its owner");
    executor.shutdownNow(); // as AmbiSegApp.stop() does with its executors
    assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "the export thread stopped");

    assertFalse(Files.exists(gif), "no GIF");
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(), files.toList(), "no temporary file either");
    }
    assertEquals(List.of(), problems, "closing the app is not a problem");
  }

  /** The real write, held after its second frame until it is cancelled (at most 10 s). */
  private static GifWriteJob heldAfterTwoFrames(CountDownLatch midway) {
    return (target, image, frames, settings, stamp, monitor) ->
        GifExport.write(target, image, frames, settings, stamp, holdAfter(2, monitor, midway));
  }

  /** Passes work on to {@code monitor}; after {@code frames} frames waits until it is cancelled. */
  private static ProgressMonitor holdAfter(
      int frames, ProgressMonitor monitor, CountDownLatch midway) {
    return new ProgressMonitor() {
      private long done;

      @Override
      public void begin(String task, long totalWork) {
        monitor.begin(task, totalWork);
      }

      @Override
      public void worked(long units) {
        monitor.worked(units);
        done += units;
        if (done == frames && midway.getCount() > 0) {
          midway.countDown();
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (!monitor.isCancelled() && System.nanoTime() < end) {
            sleep();
          }
        }
      }

      @Override
      public boolean isCancelled() {
        return monitor.isCancelled();
      }
    };
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
