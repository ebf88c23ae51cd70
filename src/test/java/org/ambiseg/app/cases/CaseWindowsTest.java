package org.ambiseg.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Rectangle;
import org.ambiseg.app.AppExecutors;
import org.ambiseg.app.ImageCanvas;
import org.ambiseg.io.DicomImage;
import org.ambiseg.io.DicomWindow;
import org.ambiseg.io.synth.SynthCaseGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The case list and the region selector in a real (headless) window, driven by keys and mouse. */
class CaseWindowsTest {

  @TempDir Path tmp;

  private final FxRobot robot = new FxRobot();
  private final AppExecutors executors = new AppExecutors();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private CaseBrowser browser;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void shutDown() throws TimeoutException {
    if (browser != null) {
      robot.interact(browser::close);
    }
    FxToolkit.cleanupStages();
    executors.close();
  }

  private static String id(int i) {
    return SynthCaseGenerator.caseId(i);
  }

  private String text(String query) {
    return robot.lookup(query).queryAs(Label.class).getText();
  }

  @Test
  void searchThenArrowKeyStepsToTheNextMatch() throws Exception {
    Path dir = CaseFixtures.synthFolder(tmp, 12);
    Path bad = CaseFixtures.corruptImage(dir, id(4));
    CaseFixtures.blankRater(dir, id(10), 0);
    CaseFixtures.blankRater(dir, id(10), 3);
    FxToolkit.setupSceneRoot(
        () -> {
          browser = new CaseBrowser(executors.io(), (h, m) -> problems.add(m));
          return new CaseBrowserView(browser).root();
        });
    FxToolkit.setupStage(stage -> stage.setHeight(560));
    FxToolkit.showStage();

    robot.interact(() -> browser.openDataset(dir));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !browser.openingProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    ListView<?> list = robot.lookup("#case-list").queryAs(ListView.class);
    assertEquals(11, list.getItems().size(), "12 cases less the corrupt one");
    ListView<?> skipped = robot.lookup("#skipped-list").queryAs(ListView.class);
    assertEquals(1, skipped.getItems().size());
    assertTrue(skipped.getItems().get(0).toString().startsWith(bad + ": "), "names the file");
    assertTrue(robot.lookup("#skipped-pane").queryAs(TitledPane.class).isVisible());
    assertEquals("train \u2014 11 cases, 1 skipped", text("#dataset-status"));

    robot.clickOn("#case-search").write("0001");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, list.getItems().size(), "synth-00001, synth-00010, synth-00011");
    assertEquals(id(1) + ": 4 raters", text("#case-details"));
    assertEquals(id(1), ((CaseSummary) list.getSelectionModel().getSelectedItem()).id());

    robot.type(KeyCode.ENTER).type(KeyCode.RIGHT);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(id(10), ((CaseSummary) list.getSelectionModel().getSelectedItem()).id());
    assertEquals(id(10) + ": 4 raters, 2 outlined", text("#case-details"));
    assertEquals("2 / 3", text("#case-position"));
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () -> {
          var c = browser.selectedCaseProperty().get();
          return c != null && c.id().equals(id(10));
        });
    assertEquals(
        2,
        browser.selectedCaseProperty().get().raters().stream().filter(m -> !m.isEmpty()).count());

    robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
    assertEquals("3 / 3", text("#case-position"), "stops at the last match");
    robot.type(KeyCode.LEFT);
    assertEquals(id(10), browser.selectedProperty().get().id());
    robot.clickOn("#case-previous");
    assertEquals(id(1), browser.selectedProperty().get().id());
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void clickAndDragMoveTheRegionOverTheImage() throws Exception {
    float[] hu = new float[300 * 200];
    for (int i = 0; i < hu.length; i++) {
      hu[i] = -1000 + 10 * (i % 300);
    }
    DicomImage ct = DicomImage.of(300, 200, hu, null, DicomWindow.LUNG);
    RoiSelector selector = new RoiSelector(128);
    FxToolkit.setupSceneRoot(
        () -> {
          selector.setDicom(ct);
          return new RoiSelectorView(selector).root();
        });
    FxToolkit.setupStage(
        stage -> {
          stage.setWidth(700);
          stage.setHeight(500);
        });
    FxToolkit.showStage();
    WaitForAsyncUtils.waitForFxEvents();
    ImageCanvas canvas = robot.lookup("#roi-image").queryAs(ImageCanvas.class);
    Rectangle2D bounds = canvas.imageBoundsProperty().get();
    assertTrue(bounds.getWidth() > 100, "image drawn: " + bounds);

    robot.clickOn(screenPoint(canvas, bounds, 250.5, 50.5));
    assertEquals(new Roi(172, 0, 128, 128), selector.roiProperty().get()); // clamped right, top
    Rectangle frame = robot.lookup("#roi-frame").queryAs(Rectangle.class);
    Rectangle2D expected = ImageCoordinates.toView(bounds, 300, 200, new Roi(172, 0, 128, 128));
    assertEquals(expected.getMinX(), frame.getX(), 1e-9);
    assertEquals(expected.getWidth(), frame.getWidth(), 1e-9);
    // crop (0, 0) is column 172: +720 HU -> (720 + 1000) / 2000
    assertEquals(0.86f, selector.croppedProperty().get().value(0, 0, 0), 1e-6f);

    robot
        .drag(screenPoint(canvas, bounds, 250.5, 50.5))
        .dropTo(screenPoint(canvas, bounds, 100.5, 120.5));
    assertEquals(new Roi(36, 56, 128, 128), selector.roiProperty().get()); // 100 - 64, 120 - 64
    // column 36: -640 HU -> 360 / 2000
    assertEquals(0.18f, selector.croppedProperty().get().value(0, 0, 0), 1e-6f);

    robot.clickOn("#window-mediastinum");
    assertEquals("L 40  W 400 HU", text("#window-values"));
    assertEquals(0.5f, selector.displayImageProperty().get().value(104, 0, 0), 1e-6f);
    assertEquals(0.18f, selector.croppedProperty().get().value(0, 0, 0), 1e-6f, "crop unchanged");
  }

  private static Point2D screenPoint(ImageCanvas canvas, Rectangle2D bounds, double x, double y) {
    double vx = bounds.getMinX() + x * bounds.getWidth() / 300;
    double vy = bounds.getMinY() + y * bounds.getHeight() / 200;
    return canvas.localToScreen(vx, vy);
  }
}
