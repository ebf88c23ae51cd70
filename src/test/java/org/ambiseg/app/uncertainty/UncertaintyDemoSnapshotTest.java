package org.ambiseg.app.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.ambiseg.app.ImageRenderer;
import org.ambiseg.app.viewport.ViewState;
import org.ambiseg.app.viewport.Viewport;
import org.ambiseg.app.viewport.ViewportCanvas;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.estimate.UncertaintyMaps;
import org.ambiseg.io.ImageReader;
import org.ambiseg.io.PngWriter;
import org.ambiseg.io.render.ColorMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Demo of the uncertainty view on the shipped sample and model: 64 Prob U-Net samples of a test
 * image, the mutual-information heatmap in magma beside an enlarged sample, both zoomed 2x around
 * the most ambiguous pixel through one shared viewport, saved as {@code
 * target/uncertainty-demo.png} (for docs screenshots). Run by hand: {@code nice -n 10 mvn -B test
 * -Plong -Dtest=UncertaintyDemoSnapshotTest}.
 */
@Tag("long")
class UncertaintyDemoSnapshotTest {

  private static final Path MODEL = Path.of("models/probunet-shapes");
  private static final Path IMAGE = Path.of("sample-data/test/images/synth-00280.png");
  private static final Path OUT = Path.of("target/uncertainty-demo.png");

  private static ExecutorService executor;
  private final FxRobot robot = new FxRobot();

  @BeforeAll
  static void start() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
    executor = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void stop() throws TimeoutException {
    FxToolkit.cleanupStages();
    executor.shutdownNow();
  }

  @Test
  void snapshotOfTheShippedSample() throws Exception {
    Image2D image = ImageReader.readImage(IMAGE);
    SampleSet samples;
    try (Estimator estimator = Estimators.open(MODEL)) {
      samples = estimator.sample(image, 64, 1);
    }
    UncertaintyMaps maps = UncertaintyMaps.of(samples);
    int top = argmax(maps.map(MapKind.MUTUAL_INFORMATION));
    int tx = top % maps.width();
    int ty = top / maps.width();
    long t0 = System.nanoTime();
    WritableImage heat = HeatmapImages.heatmap(maps, MapKind.MUTUAL_INFORMATION, ColorMap.MAGMA);
    System.out.printf(
        "heatmap render %dx%d: %.2f ms; most ambiguous pixel (%d, %d), MI %.3f bits%n",
        maps.width(),
        maps.height(),
        (System.nanoTime() - t0) / 1e6,
        tx,
        ty,
        HeatmapScale.of(MapKind.MUTUAL_INFORMATION)
            .display(maps.valueAt(MapKind.MUTUAL_INFORMATION, top)));
    assertEquals(
        ColorMap.MAGMA.argb(
            HeatmapScale.of(MapKind.MUTUAL_INFORMATION)
                .position(maps.valueAt(MapKind.MUTUAL_INFORMATION, top))),
        heat.getPixelReader().getArgb(tx, ty));

    SimpleObjectProperty<Image2D> imageProp = new SimpleObjectProperty<>();
    SimpleObjectProperty<SampleSet> samplesProp = new SimpleObjectProperty<>();
    Viewport viewport = new Viewport();
    UncertaintyPane[] pane = new UncertaintyPane[1];
    ViewportCanvas[] enlarged = new ViewportCanvas[1];
    FxToolkit.setupStage(
        stage -> {
          pane[0] = new UncertaintyPane(imageProp, samplesProp, executor, viewport);
          enlarged[0] = new ViewportCanvas(viewport, 4);
          enlarged[0].imageProperty().set(ImageRenderer.render(image));
          enlarged[0].overlayProperty().set(sampleOverlay(samples, 0));
          enlarged[0].overlayOpacityProperty().set(0.6);
          HBox.setHgrow(pane[0], Priority.ALWAYS);
          HBox.setHgrow(enlarged[0], Priority.ALWAYS);
          pane[0].setPrefWidth(560);
          enlarged[0].setPrefWidth(400);
          stage.setScene(new Scene(new HBox(pane[0], enlarged[0]), 960, 480));
          stage.show();
        });
    robot.interact(
        () -> {
          imageProp.set(image);
          samplesProp.set(samples);
        });
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> pane[0].model().heatmapProperty().get() != null);
    robot.interact(
        () ->
            viewport
                .stateProperty()
                .set(new ViewState(2, (tx + 0.5) / maps.width(), (ty + 0.5) / maps.height())));
    ViewportCanvas view = pane[0].view();
    robot.moveTo(
        view.localToScreen(
            view.transform().toScreenX(tx + 0.5), view.transform().toScreenY(ty + 0.5)));
    WaitForAsyncUtils.waitForFxEvents();
    String readout = pane[0].model().readoutProperty().get();
    assertTrue(readout.startsWith("x " + tx + ", y " + ty), readout);

    WritableImage snap =
        WaitForAsyncUtils.asyncFx(() -> view.getScene().getRoot().snapshot(null, null))
            .get(20, TimeUnit.SECONDS);
    int w = (int) snap.getWidth();
    int h = (int) snap.getHeight();
    int[] argb = new int[w * h];
    snap.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    Files.createDirectories(OUT.getParent());
    PngWriter.writeArgb(OUT, w, h, argb);
    System.out.println("wrote " + OUT.toAbsolutePath() + " (" + w + "x" + h + "); " + readout);
  }

  private static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Red where the sample says foreground (p &ge; 0.5), transparent elsewhere. */
  private static WritableImage sampleOverlay(SampleSet samples, int index) {
    int w = samples.width();
    int h = samples.height();
    int[] argb = new int[w * h];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = samples.probabilityAt(index, i) >= 0.5f ? 0xFFFF3030 : 0;
    }
    WritableImage out = new WritableImage(w, h);
    out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return out;
  }
}
