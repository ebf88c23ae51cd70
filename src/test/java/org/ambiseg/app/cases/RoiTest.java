package org.ambiseg.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.PixelSpacing;
import org.junit.jupiter.api.Test;

/** Region placement, clamping and cropping against hand-computed values. */
class RoiTest {

  /** 10 x 6 grey image with value (10 y + x) / 100 at column x, row y. */
  private static Image2D ramp() {
    float[] v = new float[60];
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 10; x++) {
        v[y * 10 + x] = (10 * y + x) / 100f;
      }
    }
    return Image2D.grey(10, 6, v);
  }

  @Test
  void centresOnTheClickedPixel() {
    // floor(5.5) - 4 / 2 = 3, floor(3.2) - 2 = 1
    assertEquals(new Roi(3, 1, 4, 4), Roi.centredAt(5.5, 3.2, 4, 10, 6));
    assertEquals(new Roi(0, 0, 4, 4), Roi.centred(4, 4, 4), "an image of exactly the size");
    // 128 in 512 x 512: centre pixel 256 -> 256 - 64 = 192
    assertEquals(new Roi(192, 192, 128, 128), Roi.centred(128, 512, 512));
  }

  @Test
  void clampsInsideTheImage() {
    assertEquals(new Roi(0, 0, 4, 4), Roi.centredAt(0.2, 0.2, 4, 10, 6));
    assertEquals(new Roi(0, 0, 4, 4), Roi.centredAt(-30, -7, 4, 10, 6), "pointer left of image");
    // x: 9 - 2 = 7 > 10 - 4 = 6; y: 5 - 2 = 3 > 6 - 4 = 2
    assertEquals(new Roi(6, 2, 4, 4), Roi.centredAt(9.9, 5.9, 4, 10, 6));
    assertEquals(new Roi(6, 2, 4, 4), Roi.centredAt(400, 300, 4, 10, 6));
    // larger than the image in y: height shrinks to 6, x = 5 - 4 = 1
    assertEquals(new Roi(1, 0, 8, 6), Roi.centredAt(5, 3, 8, 10, 6));
    assertTrue(Roi.needsSelection(512, 512, 128));
    assertTrue(Roi.needsSelection(128, 129, 128));
    assertFalse(Roi.needsSelection(128, 128, 128));
    assertThrows(IllegalArgumentException.class, () -> new Roi(-1, 0, 4, 4));
  }

  @Test
  void cropCopiesTheRegionsPixels() {
    Image2D image = ramp().withSpacing(new PixelSpacing(0.7, 0.8));
    Image2D c = new Roi(3, 1, 4, 4).crop(image);
    assertEquals(4, c.width());
    assertEquals(4, c.height());
    assertEquals(0.13f, c.value(0, 0, 0), 1e-7f); // (10 * 1 + 3) / 100
    assertEquals(0.16f, c.value(3, 0, 0), 1e-7f); // column 6, row 1
    assertEquals(0.43f, c.value(0, 3, 0), 1e-7f); // column 3, row 4
    assertEquals(0.46f, c.value(3, 3, 0), 1e-7f); // column 6, row 4
    assertEquals(image.spacing(), c.spacing(), "pixel spacing kept");
    assertThrows(IllegalArgumentException.class, () -> new Roi(7, 0, 4, 4).crop(image));
  }

  @Test
  void cropKeepsEveryChannel() {
    float[] planes = new float[3 * 4 * 2];
    for (int i = 0; i < planes.length; i++) {
      planes[i] = i / 100f; // channel-planar: (c * 2 + y) * 4 + x
    }
    Image2D rgb = Image2D.of(4, 2, 3, planes);
    Image2D c = new Roi(1, 1, 2, 1).crop(rgb);
    assertEquals(3, c.channels());
    assertEquals(0.05f, c.value(0, 0, 0), 1e-7f); // (0 * 2 + 1) * 4 + 1 = 5
    assertEquals(0.14f, c.value(1, 0, 1), 1e-7f); // (1 * 2 + 1) * 4 + 2 = 14
    assertEquals(0.22f, c.value(1, 0, 2), 1e-7f); // (2 * 2 + 1) * 4 + 2 = 22
  }

  @Test
  void viewAndImageCoordinates() {
    Rectangle2D bounds = new Rectangle2D(10, 20, 200, 100); // 100 x 50 image drawn at scale 2
    assertEquals(new Point2D(10, 10), ImageCoordinates.toImage(bounds, 100, 50, 30, 40));
    assertEquals(new Point2D(-5, 0), ImageCoordinates.toImage(bounds, 100, 50, 0, 20));
    assertEquals(
        new Rectangle2D(30, 30, 40, 20),
        ImageCoordinates.toView(bounds, 100, 50, new Roi(10, 5, 20, 10)));
  }
}
