package org.ambiseg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The main view-model without a window: reading, errors, and latest-request-wins. */
class MainViewModelTest {

  @TempDir Path tmp;

  private final AppExecutors executors = new AppExecutors();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final List<Path> published = new CopyOnWriteArrayList<>();
  private MainViewModel model;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void shutDown() {
    executors.close();
  }

  private void createModel() throws Exception {
    model =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  MainViewModel m =
                      new MainViewModel(executors.io(), (head, msg) -> problems.add(msg));
                  m.currentFileProperty().addListener((obs, old, now) -> published.add(now));
                  return m;
                })
            .get(10, TimeUnit.SECONDS);
  }

  private void open(Path... files) {
    WaitForAsyncUtils.asyncFx(
        () -> {
          for (Path f : files) {
            model.openImage(f);
          }
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void waitIdle() throws TimeoutException {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.loadingProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void readsImageAndPublishesValues() throws Exception {
    createModel();
    Path png = TestImages.greyPng(tmp.resolve("a.png"), 5, 3);
    open(png);
    waitIdle();
    assertEquals(List.of(png), published);
    assertEquals(5, model.currentImageProperty().get().width());
    assertEquals(3, model.currentImageProperty().get().height());
    // (7*4 + 13*2 + 5) = 59 -> 59/255
    assertEquals(59 / 255f, model.currentImageProperty().get().value(4, 2, 0), 1e-6);
    assertEquals(5, model.displayImageProperty().get().getWidth());
    assertEquals("a.png \u2014 5 \u00d7 3, grey", model.statusProperty().get());
    assertTrue(problems.isEmpty());
  }

  @Test
  void aShownDatasetCaseReplacesTheStatusLine() throws Exception {
    createModel();
    Image2D image = Image2D.grey(6, 4, new float[24]);
    LabelMask rater = LabelMask.binary(6, 4, new boolean[24]);
    WaitForAsyncUtils.asyncFx(
            () ->
                model.datasetCaseShown(
                    Case.of("case-7", image, List.of(rater)), Path.of("/data/lidc.zip")))
        .get(10, TimeUnit.SECONDS);
    assertEquals("case-7 from lidc.zip \u2014 6 \u00d7 4, 1 rater", model.statusProperty().get());
  }

  @Test
  void unreadableFileIsReportedAndPreviousImageStays() throws Exception {
    createModel();
    Path good = TestImages.greyPng(tmp.resolve("good.png"), 4, 4);
    Path bad = TestImages.corruptPng(tmp.resolve("bad.png"));
    open(good);
    waitIdle();
    open(bad);
    waitIdle();
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith(bad.toString() + ": "), problems.get(0));
    assertEquals(good, model.currentFileProperty().get(), "the good image stays open");
    assertEquals("Could not open bad.png", model.statusProperty().get());
  }

  @Test
  void missingFileIsReported() throws Exception {
    createModel();
    Path missing = tmp.resolve("nowhere.png");
    open(missing);
    waitIdle();
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("nowhere.png"), problems.get(0));
    assertNull(model.currentFileProperty().get());
  }

  @Test
  void latestRequestWins() throws Exception {
    createModel();
    Path first = TestImages.corruptPng(tmp.resolve("first.png"));
    Path second = TestImages.greyPng(tmp.resolve("second.png"), 6, 2);
    open(first, second);
    waitIdle();
    assertEquals(List.of(second), published, "only the newest request is published");
    assertTrue(problems.isEmpty(), "the superseded request reports nothing: " + problems);
    assertFalse(model.loadingProperty().get());
  }
}
