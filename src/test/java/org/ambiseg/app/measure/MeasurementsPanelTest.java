package org.ambiseg.app.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.PixelSpacing;
import org.ambiseg.core.SampleSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Feeds the measurements panel samples that are discs of known radii on a 20 x 20 grid. A disc of
 * radius r (pixel centres within r of the centre) has the Gauss-circle pixel count N(r): N(2) = 13,
 * N(3) = 29, N(4) = 49, N(5) = 81, N(6) = 113, N(7) = 149, and a longest diameter of 2r pixels.
 */
class MeasurementsPanelTest {

  private static final int SIZE = 20;

  private final FxRobot robot = new FxRobot();
  private final SimpleObjectProperty<SampleSet> samples = new SimpleObjectProperty<>();
  private final SimpleObjectProperty<Case> currentCase = new SimpleObjectProperty<>();
  private ExecutorService executor;
  private MeasurementsPanel panel;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void showPanel() throws Exception {
    executor = Executors.newSingleThreadExecutor();
    FxToolkit.setupStage(
        stage -> {
          panel = new MeasurementsPanel(new MeasurementsViewModel(samples, currentCase, executor));
          stage.setScene(new Scene(panel, 420, 460));
          stage.sizeToScene();
          stage.setX(0);
          stage.setY(0);
          stage.show();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws TimeoutException {
    FxToolkit.cleanupStages();
    executor.shutdownNow();
  }

  @Test
  void summaryShowsMedianAndRangeInPixelsWithRaterMarkers() throws Exception {
    robot.interact(
        () -> {
          currentCase.set(caseWith(Optional.empty(), List.of(disc(5))));
          samples.set(discs(3, 4, 5, 6, 7));
        });
    waitUntilIdle();
    // areas 29, 49, 81, 113, 149: 5 % at h = 0.2 -> 33, 95 % at h = 3.8 -> 141.8
    // diameters 6, 8, 10, 12, 14: 5 % -> 6.4, 95 % -> 13.6; the rater's disc r = 5: 81 px, 10 px
    assertEquals(
        "Area (px): median 81.0, 5\u201395 %: 33.0\u2013142 \u00b7 5 samples \u00b7 raters 81.0\n"
            + "Longest diameter (px): median 10.0, 5\u201395 %: 6.40\u201313.6 \u00b7 5 samples"
            + " \u00b7 raters 10.0",
        summary());
    MeasureStripChart area = chart("measure-area-chart");
    assertEquals("Area (px)", area.getXAxis().getLabel());
    assertEquals(List.of(29.0, 49.0, 81.0, 113.0, 149.0), values(area, 0));
    assertEquals(List.of(81.0), values(area, 1), "median marker");
    assertEquals(List.of(81.0), values(area, 2), "rater marker");
    MeasureStripChart diameter = chart("measure-diameter-chart");
    assertEquals("Longest diameter (px)", diameter.getXAxis().getLabel());
    assertEquals(List.of(6.0, 8.0, 10.0, 12.0, 14.0), values(diameter, 0));
    assertEquals(List.of(10.0), values(diameter, 2));
    assertEquals("", status());
  }

  @Test
  void newSamplesAndSpacingUpdateTheSummaryInMillimetres() throws Exception {
    robot.interact(
        () -> {
          currentCase.set(caseWith(Optional.empty(), List.of()));
          samples.set(discs(3, 4, 5, 6, 7));
        });
    waitUntilIdle();
    // 2 mm between rows, 0.5 mm between columns: one pixel is 1 mm^2, and a disc's longest
    // diameter is its vertical one, 2r rows = 4r mm; radius 0 stands for an empty sample
    robot.interact(
        () -> {
          currentCase.set(caseWith(Optional.of(new PixelSpacing(2.0, 0.5)), List.of()));
          samples.set(discs(2, 0, 4, 4));
        });
    waitUntilIdle();
    // areas 13, 49, 49: 5 % at h = 0.1 -> 16.6; diameters 8, 16, 16 mm: 5 % -> 8.8
    assertEquals(
        "Area (mm\u00b2): median 49.0, 5\u201395 %: 16.6\u201349.0 \u00b7 3 samples, 1 empty\n"
            + "Longest diameter (mm): median 16.0, 5\u201395 %: 8.80\u201316.0 \u00b7 3 samples,"
            + " 1 empty",
        summary());
    MeasureStripChart area = chart("measure-area-chart");
    assertEquals("Area (mm\u00b2)", area.getXAxis().getLabel());
    assertEquals(List.of(13.0, 49.0, 49.0), values(area, 0));
    assertEquals(List.of(), values(area, 2), "no raters");
    assertEquals(List.of(8.0, 16.0, 16.0), values(chart("measure-diameter-chart"), 0));

    robot.interact(() -> samples.set(null));
    waitUntilIdle();
    assertEquals("", summary());
    assertEquals(MeasurementsViewModel.NO_SAMPLES, status());
    assertNull(panel.model().measurementsProperty().get());
    assertEquals(0, chart("measure-area-chart").getData().size());
  }

  @Test
  void anOlderResultArrivingLateIsDropped() throws Exception {
    List<Runnable> queued = new ArrayList<>();
    SimpleObjectProperty<SampleSet> own = new SimpleObjectProperty<>();
    MeasurementsViewModel[] vm = new MeasurementsViewModel[1];
    robot.interact(
        () -> {
          vm[0] = new MeasurementsViewModel(own, new SimpleObjectProperty<>(), queued::add);
          own.set(discs(3));
          own.set(discs(5));
        });
    assertEquals(2, queued.size());
    queued.get(1).run();
    WaitForAsyncUtils.waitForFxEvents();
    queued.get(0).run();
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(81.0, vm[0].measurementsProperty().get().area().median());
    assertEquals(false, vm[0].busyProperty().get());
  }

  private static Case caseWith(Optional<PixelSpacing> spacing, List<LabelMask> raters) {
    Image2D image = Image2D.grey(SIZE, SIZE, new float[SIZE * SIZE]);
    Image2D withSpacing = spacing.map(image::withSpacing).orElse(image);
    return new Case("disc-case", Optional.empty(), withSpacing, raters, Map.of());
  }

  /** One sample per radius: a disc centred at (10, 10); radius 0 gives an empty sample. */
  private static SampleSet discs(int... radii) {
    List<LabelMask> masks = new ArrayList<>();
    for (int r : radii) {
      masks.add(r == 0 ? LabelMask.empty(SIZE, SIZE) : disc(r));
    }
    return SampleSet.ofMasks(masks, "discs", 1);
  }

  private static LabelMask disc(int r) {
    boolean[] fg = new boolean[SIZE * SIZE];
    int c = SIZE / 2;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        fg[y * SIZE + x] = (x - c) * (x - c) + (y - c) * (y - c) <= r * r;
      }
    }
    return LabelMask.binary(SIZE, SIZE, fg);
  }

  private void waitUntilIdle() throws TimeoutException {
    WaitForAsyncUtils.waitForFxEvents();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !panel.model().busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private MeasureStripChart chart(String id) {
    return robot.lookup("#" + id).queryAs(MeasureStripChart.class);
  }

  /** The x values of series {@code index} (0 samples, 1 median, 2 raters), in order. */
  private static List<Double> values(MeasureStripChart chart, int index) {
    XYChart.Series<Number, String> series = chart.getData().get(index);
    return series.getData().stream().map(d -> d.getXValue().doubleValue()).toList();
  }

  private String summary() {
    return robot.lookup("#measure-summary").queryAs(Label.class).getText();
  }

  private String status() {
    return robot.lookup("#measure-status").queryAs(Label.class).getText();
  }
}
