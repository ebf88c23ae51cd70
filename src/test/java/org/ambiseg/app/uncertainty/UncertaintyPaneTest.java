package org.ambiseg.app.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import org.ambiseg.app.viewport.ImagePixel;
import org.ambiseg.app.viewport.ViewTransform;
import org.ambiseg.app.viewport.Viewport;
import org.ambiseg.app.viewport.ViewportCanvas;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.io.render.ColorMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the uncertainty pane over an 8 x 6 image with four hand-made samples that disagree at
 * known pixels:
 *
 * <ul>
 *   <li>A = (2, 1): samples {1, 1, 0, 0}: mean 0.5, variance 0.25, entropy 1 bit, MI 1 bit
 *   <li>B = (5, 3): samples {0.5, 0.5, 0.5, 0.5}: mean 0.5, variance 0, entropy 1 bit, MI 0
 *   <li>D = (6, 4): samples {1, 1, 1, 1}: mean 1, everything else 0
 *   <li>every other pixel 0 in all samples: all maps 0
 * </ul>
 */
class UncertaintyPaneTest {

  private static final int W = 8;
  private static final int H = 6;
  private static final int[] A = {2, 1};
  private static final int[] B = {5, 3};
  private static final int[] D = {6, 4};

  private final FxRobot robot = new FxRobot();
  private final SimpleObjectProperty<Image2D> image = new SimpleObjectProperty<>();
  private final SimpleObjectProperty<SampleSet> samples = new SimpleObjectProperty<>();
  private ExecutorService executor;
  private UncertaintyPane pane;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void showPane() throws Exception {
    executor = Executors.newSingleThreadExecutor();
    FxToolkit.setupStage(
        stage -> {
          pane = new UncertaintyPane(image, samples, executor, new Viewport());
          stage.setScene(new Scene(pane, 640, 420));
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
  void heatmapColoursFollowTheMapKind() throws Exception {
    load();
    robot.interact(
        () -> {
          pane.model().colorMapProperty().set(ColorMap.VIRIDIS);
          pane.model().opacityProperty().set(1);
        });
    select("uncertainty-kind", MapKind.MUTUAL_INFORMATION);
    assertEquals(ColorMap.VIRIDIS.argb(1), screenArgb(A), "MI 1 bit at A");
    assertEquals(ColorMap.VIRIDIS.argb(0), screenArgb(B), "MI 0 at B");
    assertEquals(ColorMap.VIRIDIS.argb(0), screenArgb(D));

    choose("uncertainty-kind", MapKind.MEAN.label());
    // mean 0.5 -> colour-map position 0.5 -> table entry round(127.5) = 128, 0x21918C
    assertEquals(0xFF21918C, screenArgb(A), "mean 0.5 at A");
    assertEquals(0xFF21918C, screenArgb(B), "mean 0.5 at B");
    assertEquals(0xFFFDE725, screenArgb(D), "mean 1 at D");
    assertEquals(0xFF440154, screenArgb(new int[] {0, 0}), "mean 0 elsewhere");

    select("uncertainty-kind", MapKind.VARIANCE);
    assertEquals(ColorMap.VIRIDIS.argb(1), screenArgb(A), "variance 0.25 = top at A");
    assertEquals(ColorMap.VIRIDIS.argb(0), screenArgb(B), "variance 0 at B");

    select("uncertainty-kind", MapKind.PREDICTIVE_ENTROPY);
    assertEquals(ColorMap.VIRIDIS.argb(1), screenArgb(A), "entropy 1 bit at A");
    assertEquals(ColorMap.VIRIDIS.argb(1), screenArgb(B), "entropy 1 bit at B");
    assertEquals(ColorMap.VIRIDIS.argb(0), screenArgb(D), "entropy 0 at D");

    choose("uncertainty-colors", "grey");
    assertEquals(0xFFFFFFFF, screenArgb(A));
    assertEquals(0xFF000000, screenArgb(D));
  }

  @Test
  void opacityBlendsTheHeatmapOverTheImage() throws Exception {
    load();
    robot.interact(
        () -> {
          pane.model().mapKindProperty().set(MapKind.MEAN);
          pane.model().colorMapProperty().set(ColorMap.GREY);
          pane.model().opacityProperty().set(0.5);
        });
    WaitForAsyncUtils.waitForFxEvents();
    // image grey at D is round(255 * 0.2) = 51, heatmap white: 0.5 * 51 + 0.5 * 255 = 153
    int argb = screenArgb(D);
    assertEquals(153, argb & 0xFF, 2, Integer.toHexString(argb));
    robot.interact(() -> pane.model().opacityProperty().set(0));
    assertEquals(0xFF333333, screenArgb(D), "the image alone, grey 51");
  }

  @Test
  void legendShowsTheFixedRangeOfTheKind() throws Exception {
    load();
    select("uncertainty-kind", MapKind.MUTUAL_INFORMATION);
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), tickTexts());
    assertEquals(
        "Mutual information (bits)",
        robot.lookup("#uncertainty-legend-title").queryAs(Label.class).getText());
    select("uncertainty-kind", MapKind.VARIANCE);
    List<String> ticks = tickTexts();
    assertEquals("0", ticks.get(0));
    assertEquals("0.25", ticks.get(ticks.size() - 1));
    assertEquals(
        "Variance", robot.lookup("#uncertainty-legend-title").queryAs(Label.class).getText());
  }

  @Test
  void hoveringAPixelShowsItsValues() throws Exception {
    load();
    robot.moveTo(screenPoint(A));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(
        "x 2, y 1 \u00b7 image 0.200 \u00b7 mean 0.500 \u00b7 variance 0.250 \u00b7 entropy"
            + " 1.000 bits \u00b7 MI 1.000 bits",
        readout());
    robot.moveTo(screenPoint(B));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(readout().startsWith("x 5, y 3 \u00b7 image 0.600 \u00b7 mean 0.500"), readout());
    assertTrue(readout().endsWith("MI 0.000 bits"), readout());
  }

  @Test
  void withoutSamplesTheImageShowsAndTheStatusSaysSo() throws Exception {
    robot.interact(() -> image.set(picture()));
    waitUntilIdle();
    assertEquals(
        UncertaintyViewModel.NO_SAMPLES,
        robot.lookup("#uncertainty-status").queryAs(Label.class).getText());
    assertEquals(null, pane.model().heatmapProperty().get());
    assertEquals(0xFF333333, screenArgb(D));
  }

  @Test
  void samplesOfAnotherSizeShowNoHeatmapAndNoMapValues() throws Exception {
    load();
    robot.interact(() -> image.set(Image2D.grey(4, 3, new float[12])));
    waitUntilIdle();
    assertEquals(null, pane.model().heatmapProperty().get());
    assertEquals(
        "Samples are 8 \u00d7 6 but the image is 4 \u00d7 3: no heatmap",
        robot.lookup("#uncertainty-status").queryAs(Label.class).getText());
    robot.interact(() -> pane.model().hoveredPixelProperty().unbind());
    robot.interact(() -> pane.model().hoveredPixelProperty().set(new ImagePixel(1, 1)));
    assertEquals("x 1, y 1 \u00b7 image 0.000", readout());
  }

  /** Grey 0.2 everywhere except 0.6 at B. */
  private static Image2D picture() {
    float[] px = new float[W * H];
    Arrays.fill(px, 0.2f);
    px[B[1] * W + B[0]] = 0.6f;
    return Image2D.grey(W, H, px);
  }

  private static SampleSet handMadeSamples() {
    List<float[]> maps = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      float[] p = new float[W * H];
      p[A[1] * W + A[0]] = s < 2 ? 1f : 0f;
      p[B[1] * W + B[0]] = 0.5f;
      p[D[1] * W + D[0]] = 1f;
      maps.add(p);
    }
    return SampleSet.of(W, H, maps, "hand", 7);
  }

  private void load() throws TimeoutException {
    robot.interact(
        () -> {
          image.set(picture());
          samples.set(handMadeSamples());
        });
    waitUntilIdle();
    assertNotNull(pane.model().heatmapProperty().get(), "heatmap rendered");
  }

  private void waitUntilIdle() throws TimeoutException {
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !pane.model().busyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Picks an entry of a choice box by clicking it open and clicking the entry's text. */
  private void choose(String id, String text) {
    ChoiceBox<?> box = robot.lookup("#" + id).queryAs(ChoiceBox.class);
    robot.clickOn(box);
    robot.clickOn(text);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(text, box.getConverter().toString(cast(box.getValue())), "chosen");
  }

  /** Sets a choice box's value as a pick would (cheaper than clicking under heavy load). */
  private <T> void select(String id, T value) {
    ChoiceBox<T> box = cast(robot.lookup("#" + id).queryAs(ChoiceBox.class));
    robot.interact(() -> box.setValue(value));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }

  private ViewportCanvas view() {
    return robot.lookup("#uncertainty-view").queryAs(ViewportCanvas.class);
  }

  /** The on-screen colour at the centre of image pixel p, from a snapshot of the view. */
  private int screenArgb(int[] p) throws Exception {
    ViewportCanvas view = view();
    WritableImage snap =
        WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    ViewTransform t = view.transform();
    assertTrue(t.scale() > 10, "the 8 x 6 image is enlarged, scale " + t.scale());
    int sx = (int) Math.floor(t.toScreenX(p[0] + 0.5));
    int sy = (int) Math.floor(t.toScreenY(p[1] + 0.5));
    return snap.getPixelReader().getArgb(sx, sy);
  }

  private Point2D screenPoint(int[] p) {
    ViewportCanvas view = view();
    ViewTransform t = view.transform();
    return view.localToScreen(t.toScreenX(p[0] + 0.5), t.toScreenY(p[1] + 0.5));
  }

  private List<String> tickTexts() {
    List<Node> ticks = new ArrayList<>(robot.lookup("." + ColorBar.TICK_STYLE).queryAll());
    // top of the bar is the highest value: order by height, bottom first
    ticks.sort(Comparator.comparingDouble((Node n) -> -n.localToScene(0, 0).getY()));
    return ticks.stream().map(n -> ((Label) n).getText()).toList();
  }

  private String readout() {
    return robot.lookup("#uncertainty-readout").queryAs(Label.class).getText();
  }
}
