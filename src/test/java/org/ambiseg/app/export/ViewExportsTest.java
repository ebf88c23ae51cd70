package org.ambiseg.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.ambiseg.io.ImageMetadata;
import org.ambiseg.io.render.Captions;
import org.ambiseg.metrics.CaseScores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** PNG snapshots of a view at 1x and 2x with the stamp in their metadata, and the CSV export. */
class ViewExportsTest {

  private static final Executor SAME_THREAD = Runnable::run;

  @TempDir Path tmp;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  /** A 30 x 20 view: red, with a blue 10 x 10 square at its top-left corner. */
  private static Pane view() {
    Region square = new Region();
    square.setBackground(new Background(new BackgroundFill(Color.BLUE, null, null)));
    square.setPrefSize(10, 10);
    Pane pane = new Pane(square);
    pane.setBackground(new Background(new BackgroundFill(Color.RED, null, null)));
    pane.setPrefSize(30, 20);
    pane.setMinSize(30, 20);
    pane.setMaxSize(30, 20);
    return pane;
  }

  @Test
  void pngSnapshotAtTwiceTheSizeCarriesTheStamp() throws Exception {
    Path png = tmp.resolve("view.png");
    ViewExports exports =
        new ViewExports(
            new SessionJsonTest.FixedChooser(new AtomicReference<>(png)),
            SAME_THREAD,
            (h, m) -> {
              throw new AssertionError(m);
            });
    Optional<Path> written =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  Pane view = view();
                  Stage stage = new Stage();
                  stage.setScene(new Scene(new Pane(view)));
                  stage.show();
                  try {
                    return exports.exportPng(
                        stage, view, 2, ExportFixtures.stamp(16), false, "view");
                  } finally {
                    stage.hide();
                  }
                })
            .get(10, TimeUnit.SECONDS)
            .get(10, TimeUnit.SECONDS);
    assertEquals(Optional.of(png), written);
    BufferedImage back = ImageIO.read(png.toFile());
    assertEquals(60, back.getWidth());
    assertEquals(40, back.getHeight());
    assertEquals(0x0000FF, back.getRGB(19, 19) & 0xFFFFFF, "inside the square, doubled");
    assertEquals(0xFF0000, back.getRGB(20, 20) & 0xFFFFFF, "just outside it");
    assertEquals(0xFF0000, back.getRGB(59, 39) & 0xFFFFFF);
    assertEquals(ExportFixtures.stamp(16).entries(), ImageMetadata.pngText(png));
  }

  @Test
  void captionIsDrawnOnACopyAtTheBottomEdge() throws Exception {
    BufferedImage img = new BufferedImage(200, 40, BufferedImage.TYPE_INT_RGB);
    Path png = tmp.resolve("c.png");
    PngExport.write(png, img, ExportFixtures.stamp(4), true);
    assertEquals(0, img.getRGB(100, 35) & 0xFFFFFF, "the caller's image is unchanged");
    BufferedImage back = ImageIO.read(png.toFile());
    boolean white = false;
    for (int y = 40 - Captions.height(); y < 40; y++) {
      for (int x = 0; x < 200; x++) {
        white |= (back.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF;
      }
    }
    assertTrue(white, "caption text along the bottom");
    assertEquals(0, back.getRGB(100, 5) & 0xFFFFFF, "nothing at the top");
  }

  @Test
  void csvExportWritesWhereTheChooserSays() throws Exception {
    Path csv = tmp.resolve("s.csv");
    ViewExports exports =
        new ViewExports(
            new SessionJsonTest.FixedChooser(new AtomicReference<>(csv)),
            SAME_THREAD,
            (h, m) -> {
              throw new AssertionError(m);
            });
    CaseScores s = new CaseScores(0.5, 0.25, 0.5, OptionalDouble.empty(), 1.0, 8, 4);
    Optional<Path> written =
        exports
            .exportScoresCsv(null, List.of(new ScoredCase("c1", s)), ExportFixtures.stamp(8), "s")
            .get(10, TimeUnit.SECONDS);
    assertEquals(Optional.of(csv), written);
    List<String> lines = Files.readAllLines(csv);
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).startsWith("c1,8,4,0.5,0.25,0.5,1.0,,probunet-shapes,"), lines.get(1));
  }
}
