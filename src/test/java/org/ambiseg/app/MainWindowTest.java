package org.ambiseg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real main window like a person would: menus, shortcut, error dialog, status bar. The
 * file dialog is replaced by a chooser that returns the test's file (a native dialog cannot be
 * driven headless); everything after the choice is the real code path.
 */
class MainWindowTest {

  private static final int W = 40;
  private static final int H = 30;

  @TempDir Path tmp;

  private final FxRobot robot = new FxRobot();
  private final AtomicReference<Path> nextChoice = new AtomicReference<>();
  private AmbiSegApp app;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void startApp() throws TimeoutException {
    app =
        (AmbiSegApp)
            FxToolkit.setupApplication(
                () ->
                    new AmbiSegApp(
                        owner -> Optional.ofNullable(nextChoice.get()),
                        (owner, name) -> Optional.empty(),
                        List.of(), // no models: these tests are about files, not sampling
                        null));
  }

  @AfterEach
  void stopApp() throws TimeoutException {
    closeDialogs();
    FxToolkit.cleanupApplication(app);
    assertTrue(app.executors().isShutdown(), "stop() shuts the background threads down");
  }

  @Test
  void windowHasTitleAndResearchNotice() {
    Stage stage = (Stage) robot.lookup("#status-text").query().getScene().getWindow();
    assertEquals("AmbiSeg", stage.getTitle());
    assertTrue(stage.getWidth() >= 320 && stage.getWidth() <= 1280, "width " + stage.getWidth());
    Label notice = robot.lookup("#research-notice").queryAs(Label.class);
    assertEquals("For research use only \u2014 not for diagnosis", notice.getText());
    assertTrue(notice.isVisible());
    assertEquals(MainViewModel.READY, robot.lookup("#status-text").queryAs(Label.class).getText());
  }

  @Test
  void openImageFromMenuShowsItsPixels() throws Exception {
    Path png = TestImages.greyPng(tmp.resolve("pattern.png"), W, H);
    nextChoice.set(png);

    robot.clickOn("File");
    robot.clickOn(FileMenuActions.OPEN_TEXT);
    waitUntilOpen(png);

    ImageCanvas view = robot.lookup("#image-view").queryAs(ImageCanvas.class);
    Image shown = view.getImage();
    assertNotNull(shown);
    assertEquals(W, shown.getWidth());
    assertEquals(H, shown.getHeight());
    for (int[] p : new int[][] {{0, 0}, {3, 2}, {39, 0}, {0, 29}, {39, 29}, {17, 11}}) {
      int g = TestImages.pattern(p[0], p[1]);
      assertEquals(
          0xFF000000 | g << 16 | g << 8 | g,
          shown.getPixelReader().getArgb(p[0], p[1]),
          "pixel " + p[0] + "," + p[1]);
    }
    assertRenderedOnScreen(view);
    assertTrue(
        robot.lookup("#status-text").queryAs(Label.class).getText().contains("40 \u00d7 30"),
        "status names the size");
  }

  @Test
  void corruptFileShowsErrorAndAppStaysUsable() throws Exception {
    Path bad = TestImages.corruptPng(tmp.resolve("broken-scan.png"));
    Path good = TestImages.greyPng(tmp.resolve("good.png"), W, H);
    nextChoice.set(bad);

    robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup("#problem-dialog").tryQuery().isPresent());
    DialogPane dialog = robot.lookup("#problem-dialog").queryAs(DialogPane.class);
    assertTrue(dialog.getContentText().contains("broken-scan.png"), dialog.getContentText());
    assertTrue(dialog.getHeaderText().contains("broken-scan.png"), dialog.getHeaderText());
    assertEquals(null, app.model().currentFileProperty().get(), "nothing was opened");

    robot.clickOn(dialog.lookupButton(ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(robot.lookup("#problem-dialog").tryQuery().isPresent(), "dialog closed");

    nextChoice.set(good);
    robot.clickOn("File");
    robot.clickOn(FileMenuActions.OPEN_TEXT);
    waitUntilOpen(good);
    assertEquals(W, robot.lookup("#image-view").queryAs(ImageCanvas.class).getImage().getWidth());
  }

  @Test
  void helpAboutShowsLicencesAndAttribution() throws Exception {
    robot.clickOn("Help");
    robot.clickOn("About AmbiSeg");
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> robot.lookup("#about-dialog").tryQuery().isPresent());
    DialogPane about = robot.lookup("#about-dialog").queryAs(DialogPane.class);
    String text = ((TextArea) about.getContent()).getText();
    assertTrue(text.contains("Apache-2.0"), text);
    assertTrue(text.contains("CC BY 3.0"), text);
    assertTrue(text.contains("doi:10.7937/K9/TCIA.2015.LO9QL9SX"), text);
    assertTrue(text.contains("For research use only, not for diagnosis."), text);
    robot.clickOn(about.lookupButton(ButtonType.OK));
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(robot.lookup("#about-dialog").tryQuery().isPresent(), "dialog closed");
  }

  @Test
  void cancelledChooserChangesNothing() throws Exception {
    nextChoice.set(null);
    robot.clickOn("File");
    robot.clickOn(FileMenuActions.OPEN_TEXT);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(null, app.model().currentFileProperty().get());
    assertEquals(MainViewModel.READY, app.model().statusProperty().get());
  }

  /** Takes a snapshot of the fitted image and compares screen pixels with the file's values. */
  private void assertRenderedOnScreen(ImageCanvas view) throws Exception {
    WritableImage snap =
        WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    Rectangle2D r = view.imageBoundsProperty().get();
    double scale = r.getWidth() / W;
    assertTrue(scale > 4, "the small image is enlarged to fit the window, scale " + scale);
    assertEquals(H * scale, r.getHeight(), 1e-6, "aspect ratio kept");
    assertTrue(
        Math.abs(r.getMinX() - (view.getWidth() - r.getMaxX())) < 1
            || Math.abs(r.getMinY() - (view.getHeight() - r.getMaxY())) < 1,
        "centred: " + r);
    for (int[] p : new int[][] {{0, 0}, {3, 2}, {39, 29}, {17, 11}, {25, 4}}) {
      // sample near the corner of each image pixel: only nearest-neighbour scaling gives the
      // pixel's own value there, smooth scaling would blend in the neighbours
      int sx = (int) Math.floor(r.getMinX() + (p[0] + 0.2) * scale);
      int sy = (int) Math.floor(r.getMinY() + (p[1] + 0.2) * scale);
      int g = TestImages.pattern(p[0], p[1]);
      int argb = snap.getPixelReader().getArgb(sx, sy);
      assertEquals(
          0xFF000000 | g << 16 | g << 8 | g,
          argb,
          "screen pixel " + sx + "," + sy + " for image pixel " + p[0] + "," + p[1]);
    }
  }

  private void waitUntilOpen(Path file) throws TimeoutException {
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> file.equals(app.model().currentFileProperty().get()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void closeDialogs() {
    robot.robotContext().getWindowFinder().listWindows().stream()
        .filter(w -> w instanceof Stage s && s.getOwner() != null)
        .map(Window.class::cast)
        .forEach(w -> robot.interact(w::hide));
  }
}
