package org.ambiseg.app.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.TilePane;
import org.ambiseg.app.session.ModelEntry;
import org.ambiseg.core.Case;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;
import org.ambiseg.metrics.CaseScorer;
import org.ambiseg.metrics.CaseScores;
import org.ambiseg.model.BlockParameters;
import org.ambiseg.model.McDropoutConfig;
import org.ambiseg.model.McDropoutUNetModel;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TensorBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The compare window on the shipped sample case: the shipped Prob U-Net, a tiny U-Net as TTA and a
 * broken model side by side; each working column's metrics equal {@link CaseScorer}'s on the same
 * samples, the broken one shows its error; a case change wins over the older request, cancel drops
 * the pending one and a column can be removed.
 */
class CompareWindowTest {

  private static final Path SAMPLES = Path.of("sample-data/test");
  private static final Path SHIPPED = Path.of("models/probunet-shapes");
  private static final int N = 4;

  @TempDir Path tmp;

  private final FxRobot robot = new FxRobot();
  private final ExecutorService modelThread = Executors.newSingleThreadExecutor();
  private CompareViewModel model;
  private CompareWindow window;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void closeWindow() throws Exception {
    if (window != null) {
      robot.interact(() -> window.stage().close());
    }
    modelThread.shutdown();
    modelThread.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void columnsShowCaseScorerMetricsAndABrokenModelItsError() throws Exception {
    ModelEntry shipped = ModelEntry.read(SHIPPED);
    ModelEntry unet = ModelEntry.read(saveTinyUnet(tmp.resolve("tiny-unet")));
    ModelEntry broken = ModelEntry.read(brokenCopy(SHIPPED, tmp.resolve("broken")));
    Case first = loadCase("synth-00280");
    Case second = loadCase("synth-00281");
    SampleSet[] probExpected = expectedSamples(SHIPPED, "default", first, 3, second, 4);
    SampleSet[] ttaExpected = expectedSamples(unet.dir(), "tta", first, 3, second, 4);

    robot.interact(
        () -> {
          model =
              new CompareViewModel(
                  modelThread, ColumnOpener.DEFAULT, List.of(shipped, unet, broken));
          model.sampleCountProperty().set(N);
          model.seedProperty().set(3);
          model.caseProperty().set(first);
          window = new CompareWindow(null, model);
          window.stage().setX(0);
          window.stage().setY(0);
          window.stage().setWidth(1000);
          window.stage().setHeight(760);
          window.show();
          model.add(EstimatorChoice.defaultOf(shipped));
          model.add(new EstimatorChoice(unet, "tta"));
          model.add(EstimatorChoice.defaultOf(broken));
        });
    assertEquals(
        List.of(
            "probunet-shapes (probunet) \u00b7 default",
            "tiny-unet (unet) \u00b7 default",
            "tiny-unet (unet) \u00b7 tta",
            "probunet-shapes (probunet) \u00b7 default"),
        model.choices().stream().map(EstimatorChoice::toString).toList());
    waitUntilIdle();

    // the broken folder shows its error, the others fill
    String error = metrics(2);
    assertTrue(error.startsWith("Could not open the model: "), error);
    assertTrue(error.contains("broken"), error);
    assertEquals("Failed", text("#compare-status-2"));
    assertNull(model.columns().get(2).resultProperty().get());
    checkColumn(0, probExpected[0], first);
    checkColumn(1, ttaExpected[0], first);
    assertEquals(
        Math.min(N, CompareViewModel.TILES),
        robot.lookup("#compare-samples-0").queryAs(TilePane.class).getChildren().size());
    assertEquals(
        128, robot.lookup("#compare-mean-0").queryAs(ImageView.class).getImage().getWidth());
    assertTrue(text("#compare-status-0").matches(N + " samples in \\d+ ms"));

    // latest wins: a new seed then at once a new case; only the new case's samples land
    robot.interact(
        () -> {
          model.seedProperty().set(4);
          model.caseProperty().set(second);
        });
    waitUntilIdle();
    checkColumn(0, probExpected[1], second);
    checkColumn(1, ttaExpected[1], second);
    assertTrue(metrics(2).startsWith("Could not open the model: "));

    // cancel: the pending request is dropped and no result arrives later
    robot.interact(
        () -> {
          model.seedProperty().set(5);
          model.cancel();
        });
    waitUntilIdle();
    robot.interact(() -> {});
    assertEquals("Cancelled", text("#compare-status-0"));
    assertNull(model.columns().get(0).resultProperty().get());
    assertNull(model.columns().get(1).resultProperty().get());

    // remove the broken column with its button; the others keep their ids
    robot.clickOn("#compare-remove-2");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(2, model.columns().size());
    assertTrue(robot.lookup("#compare-column-2").tryQuery().isEmpty());
    assertTrue(robot.lookup("#compare-column-1").tryQuery().isPresent());
  }

  /** N samples of two cases, each with its seed, from an independently opened estimator. */
  private static SampleSet[] expectedSamples(
      Path dir, String kind, Case a, long seedA, Case b, long seedB) throws Exception {
    try (Estimator e = Estimators.open(dir, kind)) {
      return new SampleSet[] {e.sample(a.image(), N, seedA), e.sample(b.image(), N, seedB)};
    }
  }

  /** Column {@code i} shows {@code expected} and CaseScorer's metrics of them on {@code c}. */
  private void checkColumn(int i, SampleSet expected, Case c) {
    ColumnResult r = model.columns().get(i).resultProperty().get();
    assertEquals(c.id(), r.caseId());
    assertEquals(expected.seed(), r.samples().seed());
    assertEquals(N, r.samples().size());
    for (int k = 0; k < N; k++) {
      assertArrayEquals(expected.probability(k), r.samples().probability(k), "sample " + k);
    }
    CaseScores s = CaseScorer.score(expected, c.raters());
    String shown = metrics(i);
    assertTrue(shown.contains(String.format(Locale.ROOT, "GED %.3f\n", s.ged())), shown);
    assertTrue(shown.contains(String.format(Locale.ROOT, "HM-IoU %.3f\n", s.hmIou())), shown);
    assertTrue(
        shown.contains(String.format(Locale.ROOT, "Dice of mean %.3f\n", s.diceOfMeanVsRaters())),
        shown);
    assertTrue(shown.contains("Modes " + r.modes().size() + "\n"), shown);
    assertTrue(shown.endsWith(N + " samples vs " + c.raters().size() + " raters"), shown);
  }

  private String metrics(int i) {
    return text("#compare-metrics-" + i);
  }

  private String text(String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  /** Waits until the model thread has run everything queued and the FX thread has published. */
  private void waitUntilIdle() throws Exception {
    modelThread.submit(() -> {}).get(60, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitFor(
        30,
        TimeUnit.SECONDS,
        () -> model.columns().stream().noneMatch(c -> c.busyProperty().get()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static Case loadCase(String id) throws Exception {
    try (Dataset d = DatasetReaders.open(SAMPLES)) {
      for (int i = 0; i < d.size(); i++) {
        if (d.caseId(i).equals(id)) {
          return d.load(i);
        }
      }
    }
    throw new IllegalStateException("no case " + id + " in " + SAMPLES);
  }

  /** An untrained deterministic U-Net (unet-tiny) saved as a model folder. */
  private static Path saveTinyUnet(Path dir) throws IOException {
    McDropoutConfig config = McDropoutConfig.preset("unet-tiny");
    try (McDropoutUNetModel m = McDropoutUNetModel.create(config, 1, Device.cpu())) {
      ModelStore.save(
          dir,
          ModelInfo.create(
              "tiny-unet",
              "unet",
              new Gson().toJsonTree(config),
              Normalization.IDENTITY,
              null,
              null),
          new TensorBundle(BlockParameters.export(m.block()), new JsonObject()));
    }
    return dir;
  }

  /** The shipped model's model.json with a parameters file that is not one. */
  private static Path brokenCopy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    Files.copy(from.resolve("model.json"), to.resolve("model.json"));
    Files.writeString(to.resolve("model.params"), "not a parameter file", StandardCharsets.UTF_8);
    return to;
  }
}
