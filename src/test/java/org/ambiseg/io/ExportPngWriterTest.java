package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNG export read back through ImageReader (and ImageIO for ARGB) gives the values written. */
class ExportPngWriterTest {

  @TempDir Path dir;

  @Test
  void greyImageRoundTripsTo8Bits() throws Exception {
    float[] px = {0f, 0.25f, 0.5f, 1f, 1 / 255f, 254 / 255f};
    Path file = dir.resolve("grey.png");
    PngWriter.writeImage(file, Image2D.grey(3, 2, px));
    Image2D back = ImageReader.readImage(file);
    assertEquals(3, back.width());
    assertEquals(2, back.height());
    float[] expected = new float[px.length];
    for (int i = 0; i < px.length; i++) {
      expected[i] = Math.round(px[i] * 255) / 255f;
    }
    assertArrayEquals(expected, back.pixels(), 0f);
  }

  @Test
  void sixteenBitExportKeepsValuesAnEightBitOneWouldMerge() throws Exception {
    float[] px = {1 / 65535f, 2 / 65535f, 40000 / 65535f, 1f};
    Path file = dir.resolve("grey16.png");
    PngWriter.writeImage16(file, Image2D.grey(2, 2, px));
    assertArrayEquals(px, ImageReader.readImage(file).pixels(), 0f);
  }

  @Test
  void rgbImageRoundTrips() throws Exception {
    // channel-planar: R plane, G plane, B plane of a 2x1 image
    float[] px = {1f, 0f, 0f, 102 / 255f, 0f, 153 / 255f};
    Path file = dir.resolve("rgb.png");
    PngWriter.writeImage(file, Image2D.of(2, 1, 3, px));
    Image2D back =
        ImageReader.readImage(file, ReadOptions.defaults().withColorMode(ColorMode.KEEP_RGB));
    assertArrayEquals(px, back.pixels(), 0f);
    Path file16 = dir.resolve("rgb16.png");
    PngWriter.writeImage16(file16, Image2D.of(2, 1, 3, px));
    assertArrayEquals(
        px,
        ImageReader.readImage(file16, ReadOptions.defaults().withColorMode(ColorMode.KEEP_RGB))
            .pixels(),
        0f);
  }

  @Test
  void maskIsVisibleAndLabelMapKeepsIndices() throws Exception {
    LabelMask mask = LabelMask.of(3, 1, new byte[] {0, 1, 3});
    Path visible = dir.resolve("mask.png");
    PngWriter.writeMask(visible, mask);
    assertArrayEquals(new float[] {0f, 1f, 1f}, ImageReader.readImage(visible).pixels(), 0f);
    assertArrayEquals(new byte[] {0, 1, 1}, ImageReader.readMask(visible).labels());
    Path labels = dir.resolve("labels.png");
    PngWriter.writeLabelMap(labels, mask);
    assertEquals(mask, ImageReader.readLabelMap(labels));
  }

  @Test
  void argbOverlayKeepsAlpha() throws Exception {
    int[] argb = {0x00000000, 0x80FF0000, 0xFF00FF00, 0x4012345A};
    Path file = dir.resolve("overlay.png");
    PngWriter.writeArgb(file, 2, 2, argb);
    BufferedImage back = ImageIO.read(file.toFile());
    assertEquals(0x80FF0000, back.getRGB(1, 0));
    assertEquals(0xFF00FF00, back.getRGB(0, 1));
    assertEquals(0x4012345A, back.getRGB(1, 1));
    assertEquals(0, back.getRGB(0, 0) >>> 24);
    assertThrows(IllegalArgumentException.class, () -> PngWriter.writeArgb(file, 3, 2, argb));
  }
}
