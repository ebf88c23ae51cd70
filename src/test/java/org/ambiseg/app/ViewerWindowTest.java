package org.ambiseg.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import org.ambiseg.app.export.ExportFileChooser;
import org.ambiseg.app.export.ExportFileType;
import org.ambiseg.app.export.SessionActions;
import org.ambiseg.app.export.SessionFile;
import org.ambiseg.app.export.SessionJson;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.io.GifFrames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole viewer on the shipped sample and model, driven through its menus and tabs like a
 * person: the uncertainty tab shows another heatmap when the map kind changes, the latent tab's
 * first slider moves the segmentation (and moving it back repeats the pixels), File > Save session
 * and Open session bring back seed and slider positions with the same pixels, and Export > Samples
 * as animated GIF writes one frame per sample.
 */
class ViewerWindowTest {

  private static final Path SAMPLE = Path.of("sample-data/test/images/synth-00280.png");

  @TempDir Path tmp;

  private final FxRobot robot = new FxRobot();
  private final AtomicReference<Path> nextExport = new AtomicReference<>();
  private final AtomicReference<Path> nextOpen = new AtomicReference<>();
  private AmbiSegApp app;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void startApp() throws Exception {
    ExportFileChooser exports =
        new ExportFileChooser() {
          @Override
          public Optional<Path> chooseSaveTarget(
              javafx.stage.Window owner, ExportFileType type, String suggestedName) {
            return Optional.ofNullable(nextExport.get());
          }

          @Override
          public Optional<Path> chooseFileToOpen(javafx.stage.Window owner, ExportFileType type) {
            return Optional.ofNullable(nextOpen.get());
          }
        };
    DatasetChooser noDatasets =
        new DatasetChooser() {
          @Override
          public Optional<Path> chooseFolder(javafx.stage.Window owner) {
            return Optional.empty();
          }

          @Override
          public Optional<Path> chooseFile(javafx.stage.Window owner) {
            return Optional.empty();
          }
        };
    System.setProperty("ambiseg.recent", tmp.resolve("recent.json").toString());
    app =
        (AmbiSegApp)
            FxToolkit.setupApplication(
                () ->
                    new AmbiSegApp(
                        owner -> Optional.empty(),
                        (owner, name) -> Optional.empty(),
                        noDatasets,
                        exports,
                        List.of(Path.of("models")),
                        SAMPLE));
    WaitForAsyncUtils.waitFor(
        180,
        TimeUnit.SECONDS,
        () -> {
          SampleSet s = app.session().samplesProperty().get();
          return s != null && s.size() == 16;
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void stopApp() throws TimeoutException {
    FxToolkit.cleanupApplication(app);
    System.clearProperty("ambiseg.recent");
  }

  @Test
  void heatmapKindLatentSliderAndGifExportFromTheMainWindow() throws Exception {
    // Uncertainty tab: mean probability and variance are different pictures of the same samples.
    clickTab("Uncertainty");
    var uncertainty = app.panels().uncertainty().model();
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> uncertainty.heatmapProperty().get() != null);
    robot.interact(() -> uncertainty.mapKindProperty().set(MapKind.MEAN));
    WaitForAsyncUtils.waitForFxEvents();
    int[] mean = pixels(uncertainty.heatmapProperty().get());
    robot.clickOn("#uncertainty-kind");
    robot.clickOn(MapKind.VARIANCE.label());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(MapKind.VARIANCE, uncertainty.mapKindProperty().get());
    int[] variance = pixels(uncertainty.heatmapProperty().get());
    assertFalse(java.util.Arrays.equals(mean, variance), "another map kind, another picture");

    // Latent tab: the first slider moves the segmentation; moving it back gives the same pixels.
    Tab latentTab = tab("Latent");
    assertFalse(latentTab.isDisabled(), "a Prob U-Net has a latent space");
    clickTab("Latent");
    var latent = app.panels().latent();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> latent.overlayProperty().get() != null);
    waitIdle(latent);
    int[] atMean = pixels(latent.overlayProperty().get());
    Slider slider = robot.lookup("#latent-slider-0").queryAs(Slider.class);
    robot.clickOn(slider);
    robot.interact(() -> slider.setValue(0));
    waitIdle(latent);
    atMean = pixels(latent.overlayProperty().get());
    robot.interact(() -> slider.setValue(3));
    waitIdle(latent);
    int[] atPlus3 = pixels(latent.overlayProperty().get());
    robot.interact(() -> slider.setValue(-3));
    waitIdle(latent);
    int[] atMinus3 = pixels(latent.overlayProperty().get());
    assertTrue(
        !java.util.Arrays.equals(atMean, atPlus3) || !java.util.Arrays.equals(atMean, atMinus3),
        "moving z along dimension 1 by 3 prior sigmas changes the segmentation");
    robot.interact(() -> slider.setValue(0));
    waitIdle(latent);
    assertArrayEquals(atMean, pixels(latent.overlayProperty().get()), "same z, same pixels");

    // File > Save session stores case, model, N, seed and slider positions; Open session puts
    // them back after they were changed, and the same pixels come back.
    robot.interact(() -> slider.setValue(2));
    waitIdle(latent);
    int[] atPlus2 = pixels(latent.overlayProperty().get());
    Path saved = tmp.resolve("figure" + SessionJson.EXTENSION);
    nextExport.set(saved);
    robot.clickOn("File");
    robot.clickOn(SessionActions.SAVE_TEXT);
    WaitForAsyncUtils.waitForFxEvents();
    SessionFile session = SessionJson.read(saved);
    assertEquals(List.of(2.0, 0.0, 0.0, 0.0, 0.0, 0.0), session.latent());
    assertEquals(0, session.seed());
    assertEquals(16, session.sampleCount());
    assertEquals(Optional.of(SAMPLE.toAbsolutePath()), session.caseRef().imageFile());
    assertEquals("probunet-shapes", session.modelDir().getFileName().toString());

    robot.interact(() -> slider.setValue(-3));
    robot.interact(() -> app.session().seedProperty().set(3));
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> samplesWithSeed(3));
    waitIdle(latent);
    nextOpen.set(saved);
    robot.clickOn("File");
    robot.clickOn(SessionActions.OPEN_TEXT);
    try {
      WaitForAsyncUtils.waitFor(
          120,
          TimeUnit.SECONDS,
          () ->
              samplesWithSeed(0)
                  && latent.offsets().get(0).get() == 2.0
                  && !latent.busyProperty().get());
    } catch (TimeoutException e) {
      SampleSet s = app.session().samplesProperty().get();
      throw new AssertionError(
          "session not restored: seed "
              + (s == null ? "none" : s.seed())
              + ", z1 "
              + latent.offsets().get(0).get()
              + ", case "
              + app.session().caseProperty().get().id()
              + ", file "
              + app.model().currentFileProperty().get()
              + ", busy "
              + latent.busyProperty().get(),
          e);
    }
    waitIdle(latent);
    assertArrayEquals(atPlus2, pixels(latent.overlayProperty().get()), "restored z, same pixels");

    // Export > Samples as animated GIF: the dialog writes one frame per sample.
    Path gif = tmp.resolve("samples.gif");
    nextExport.set(gif);
    robot.clickOn("Export");
    robot.clickOn("Samples as animated GIF...");
    WaitForAsyncUtils.waitFor(
        30, TimeUnit.SECONDS, () -> robot.lookup("#gif-export").tryQuery().isPresent());
    robot.clickOn("#gif-export");
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Files.exists(gif));
    WaitForAsyncUtils.waitForFxEvents();
    GifFrames frames = GifFrames.read(gif);
    assertEquals(16, frames.count());
    assertTrue(frames.loopsForever());
    robot.type(KeyCode.ESCAPE);
  }

  @Test
  void sessionBringsBackTheRegionOfALargeImage() throws Exception {
    Path large = TestImages.greyPng(tmp.resolve("slice.png"), 320, 256);
    robot.interact(() -> app.model().openImage(large));
    var region = app.panels().region();
    WaitForAsyncUtils.waitFor(
        60,
        TimeUnit.SECONDS,
        () -> region.displayImageProperty().get() != null && regionCaseShown("slice [96,64 "));
    // the centred region of 128 x 128 in 320 x 256 starts at (96, 64); move it to the top right
    robot.interact(() -> region.centreAt(300, 10));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> regionCaseShown("slice [192,0 "));
    Path saved = tmp.resolve("region" + SessionJson.EXTENSION);
    nextExport.set(saved);
    robot.clickOn("File");
    robot.clickOn(SessionActions.SAVE_TEXT);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(
        Optional.of(new org.ambiseg.app.cases.Roi(192, 0, 128, 128)),
        SessionJson.read(saved).region());

    // back to the small sample, then the session brings the large image and its region back
    robot.interact(() -> app.model().openImage(SAMPLE));
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> region.displayImageProperty().get() == null);
    nextOpen.set(saved);
    robot.clickOn("File");
    robot.clickOn(SessionActions.OPEN_TEXT);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> regionCaseShown("slice [192,0 "));
    assertEquals(new org.ambiseg.app.cases.Roi(192, 0, 128, 128), region.roiProperty().get());
  }

  private boolean regionCaseShown(String idStart) {
    var c = app.session().caseProperty().get();
    return c != null && c.id().startsWith(idStart);
  }

  private boolean samplesWithSeed(long seed) {
    SampleSet s = app.session().samplesProperty().get();
    return s != null && s.size() == 16 && s.seed() == seed;
  }

  private Tab tab(String title) {
    return robot
        .lookup("#side-panels")
        .queryAs(javafx.scene.control.TabPane.class)
        .getTabs()
        .stream()
        .filter(t -> t.getText().equals(title))
        .findFirst()
        .orElseThrow();
  }

  /** Clicks the header of the side-panel tab called {@code title}. */
  private void clickTab(String title) {
    javafx.scene.control.Labeled header =
        robot.lookup(".tab-label").queryAllAs(javafx.scene.control.Labeled.class).stream()
            .filter(l -> title.equals(l.getText()))
            .findFirst()
            .orElseThrow();
    robot.clickOn(header);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(tab(title).isSelected(), title + " tab selected");
  }

  private static void waitIdle(org.ambiseg.app.latent.LatentViewModel latent)
      throws TimeoutException {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !latent.busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static int[] pixels(Image image) {
    assertNotNull(image);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] out = new int[w * h];
    image
        .getPixelReader()
        .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
    return out;
  }
}
