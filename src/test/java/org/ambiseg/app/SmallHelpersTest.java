package org.ambiseg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Window sizing, image fitting, supported formats, dropped files and the About text. */
class SmallHelpersTest {

  @TempDir Path tmp;

  @Test
  void windowKeepsPreferredSizeOnALargeScreen() {
    Dimension2D d = WindowSizing.fit(1280, 800, new Rectangle2D(0, 0, 1920, 1050));
    assertEquals(new Dimension2D(1280, 800), d);
  }

  @Test
  void windowShrinksToASmallScreen() {
    // 95 % of 1024 x 600 = 972.8 x 570 -> floor
    Dimension2D d = WindowSizing.fit(1280, 800, new Rectangle2D(0, 0, 1024, 600));
    assertEquals(new Dimension2D(972, 570), d);
    assertEquals(
        new Dimension2D(320, 320), WindowSizing.fit(1280, 800, new Rectangle2D(0, 0, 200, 100)));
  }

  @Test
  void imageFitKeepsAspectRatioAndCentres() {
    // 40 x 30 into 1000 x 500 with margin 10: s = min(980 / 40, 480 / 30) = min(24.5, 16) = 16
    Rectangle2D r = ImageFit.fit(40, 30, 1000, 500, 10);
    assertEquals(new Rectangle2D(180, 10, 640, 480), r);
    // a tall image in a wide area is limited by height, a wide one by width
    assertEquals(new Rectangle2D(0, 40, 100, 20), ImageFit.fit(50, 10, 100, 100, 0));
    assertEquals(0, ImageFit.fit(40, 30, 15, 500, 10).getWidth(), "no room left");
  }

  @Test
  void supportedFormatsByExtension() {
    for (String name : List.of("a.png", "b.TIF", "c.tiff", "d.bmp", "e.jpg", "f.JPEG", "g.dcm")) {
      assertTrue(ImageFormats.isSupported(Path.of(name)), name);
    }
    for (String name : List.of("a.txt", "png", "a.png.bak", "dir/")) {
      assertFalse(ImageFormats.isSupported(Path.of(name)), name);
    }
    assertEquals("*.png", ImageFormats.globs().get(0));
  }

  @Test
  void firstSupportedDroppedFileIsOpened() throws IOException {
    File notes = Files.writeString(tmp.resolve("notes.txt"), "x").toFile();
    File folder = Files.createDirectory(tmp.resolve("folder.png")).toFile();
    File scan = Files.writeString(tmp.resolve("scan.png"), "x").toFile();
    File other = Files.writeString(tmp.resolve("other.png"), "x").toFile();
    assertEquals(
        Optional.of(scan.toPath()), DroppedFiles.firstImage(List.of(notes, folder, scan, other)));
    assertEquals(Optional.empty(), DroppedFiles.firstImage(List.of(notes)));
    assertEquals(Optional.empty(), DroppedFiles.firstImage(null));
  }

  @Test
  void aboutTextHasLicencesAttributionAndIntendedUse() {
    String about = Notices.about();
    for (String needed :
        List.of(
            "Apache-2.0",
            "CC BY 3.0",
            "Armato",
            "915-931",
            "doi:10.7937/K9/TCIA.2015.LO9QL9SX",
            "Clark",
            "1045-1057",
            "For research use only, not for diagnosis.")) {
      assertTrue(about.contains(needed), "About text lacks " + needed);
    }
  }
}
