package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.InputStream;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known values through every supported raster format, grey, 16-bit, colour and palette. */
class ImageReaderFormatsTest {

  private static final int W = 7;
  private static final int H = 5;

  /** Grey level 8-bit at (x, y): spans 0..255 with distinct values. */
  private static int grey8(int x, int y) {
    return (x * 40 + y * 50) % 256;
  }

  private static BufferedImage grey8Image() {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        img.getRaster().setSample(x, y, 0, grey8(x, y));
      }
    }
    return img;
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "tiff", "bmp", "gif"})
  void losslessGrey8FormatsGiveSampleOver255(String format) throws BadInputException {
    Image2D image =
        ImageReader.decodeImage("g." + format, ImageTestFiles.encode(grey8Image(), format));
    assertEquals(W, image.width());
    assertEquals(H, image.height());
    assertEquals(1, image.channels());
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        assertEquals(
            grey8(x, y) / 255f, image.value(x, y, 0), 1e-6f, format + " at " + x + "," + y);
      }
    }
  }

  @Test
  void jpegOfAFlatGreyImageDecodesCloseToItsLevel() throws BadInputException {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        img.getRaster().setSample(x, y, 0, 100);
      }
    }
    Image2D image = ImageReader.decodeImage("flat.jpg", ImageTestFiles.encode(img, "jpeg"));
    assertEquals(16, image.width());
    for (float v : image.pixels()) {
      assertEquals(100 / 255f, v, 2 / 255f);
    }
  }

  @Test
  void jpegColourKeepsItsHueWhenAskedForRgb() throws BadInputException {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        img.setRGB(x, y, 0xC83214); // (200, 50, 20)
      }
    }
    byte[] jpeg = ImageTestFiles.encode(img, "jpeg");
    Image2D rgb =
        ImageReader.decodeImage(
            "c.jpg", jpeg, ReadOptions.defaults().withColorMode(ColorMode.KEEP_RGB));
    assertEquals(3, rgb.channels());
    assertEquals(200 / 255f, rgb.value(8, 8, 0), 4 / 255f);
    assertEquals(50 / 255f, rgb.value(8, 8, 1), 4 / 255f);
    assertEquals(20 / 255f, rgb.value(8, 8, 2), 4 / 255f);
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "tiff"})
  void sixteenBitGreyKeepsFullPrecision(String format) throws BadInputException {
    BufferedImage img = new BufferedImage(4, 2, BufferedImage.TYPE_USHORT_GRAY);
    int[] values = {0, 1, 2, 255, 256, 32768, 65534, 65535};
    for (int i = 0; i < values.length; i++) {
      img.getRaster().setSample(i % 4, i / 4, 0, values[i]);
    }
    Image2D image = ImageReader.decodeImage("g16." + format, ImageTestFiles.encode(img, format));
    for (int i = 0; i < values.length; i++) {
      assertEquals(values[i] / 65535f, image.value(i % 4, i / 4, 0), 0f, "value " + values[i]);
    }
    // 1 and 2 out of 65535 stay distinct: an 8-bit reduction would merge them into 0
    assertTrue(image.value(2, 0, 0) > image.value(1, 0, 0));
  }

  @Test
  void sixteenBitPngWrittenByNumpyMatchesItsFormula() throws IOException, BadInputException {
    Image2D image = ImageReader.decodeImage("grey16_numpy.png", resource("grey16_numpy.png"));
    assertEquals(40, image.width());
    assertEquals(30, image.height());
    for (int y = 0; y < 30; y++) {
      for (int x = 0; x < 40; x++) {
        int v = (1031 * x + 2053 * y) % 65536;
        if (x == 0 && y == 0) {
          v = 0;
        } else if (x == 39 && y == 29) {
          v = 65535;
        }
        assertEquals(v / 65535f, image.value(x, y, 0), 0f, "at " + x + "," + y);
      }
    }
  }

  @Test
  void rgbBecomesRec709LuminanceByDefault() throws BadInputException {
    BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xFF0000);
    img.setRGB(1, 0, 0x00FF00);
    img.setRGB(2, 0, 0x336699); // (51, 102, 153)
    Image2D grey = ImageReader.decodeImage("rgb.png", ImageTestFiles.encode(img, "png"));
    assertEquals(1, grey.channels());
    assertEquals(0.2126f, grey.value(0, 0, 0), 1e-6f);
    assertEquals(0.7152f, grey.value(1, 0, 0), 1e-6f);
    float expected = (0.2126f * 51 + 0.7152f * 102 + 0.0722f * 153) / 255f;
    assertEquals(expected, grey.value(2, 0, 0), 1e-6f);
  }

  @Test
  void rgbIsKeptWhenAsked() throws BadInputException {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0x336699);
    img.setRGB(1, 0, 0xFF0001);
    Image2D rgb =
        ImageReader.decodeImage(
            "rgb.bmp",
            ImageTestFiles.encode(img, "bmp"),
            ReadOptions.defaults().withColorMode(ColorMode.KEEP_RGB));
    assertEquals(3, rgb.channels());
    assertEquals(51 / 255f, rgb.value(0, 0, 0), 1e-6f);
    assertEquals(102 / 255f, rgb.value(0, 0, 1), 1e-6f);
    assertEquals(153 / 255f, rgb.value(0, 0, 2), 1e-6f);
    assertEquals(1f, rgb.value(1, 0, 0), 1e-6f);
    assertEquals(1 / 255f, rgb.value(1, 0, 2), 1e-6f);
  }

  @Test
  void transparentPixelsAreCompositedOnBlack() throws BadInputException {
    BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, 0x00FFFFFF); // white, fully transparent
    img.setRGB(1, 0, 0x80FFFFFF); // white, alpha 128
    img.setRGB(2, 0, 0xFFFFFFFF); // white, opaque
    Image2D grey = ImageReader.decodeImage("rgba.png", ImageTestFiles.encode(img, "png"));
    assertEquals(0f, grey.value(0, 0, 0), 1e-6f);
    assertEquals(128 / 255f, grey.value(1, 0, 0), 1e-6f);
    assertEquals(1f, grey.value(2, 0, 0), 1e-6f);
  }

  @Test
  void palettePngIsLookedUpInItsPalette() throws BadInputException {
    byte[] r = {0, (byte) 255, 0, 10};
    byte[] g = {0, 0, (byte) 255, 20};
    byte[] b = {0, 0, 0, 30};
    BufferedImage img =
        new BufferedImage(
            4, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(2, 4, r, g, b));
    WritableRaster raster = img.getRaster();
    for (int x = 0; x < 4; x++) {
      raster.setSample(x, 0, 0, x);
    }
    byte[] png = ImageTestFiles.encode(img, "png");
    Image2D rgb =
        ImageReader.decodeImage(
            "pal.png", png, ReadOptions.defaults().withColorMode(ColorMode.KEEP_RGB));
    assertEquals(3, rgb.channels());
    assertEquals(1f, rgb.value(1, 0, 0), 1e-6f);
    assertEquals(1f, rgb.value(2, 0, 1), 1e-6f);
    assertEquals(30 / 255f, rgb.value(3, 0, 2), 1e-6f);
    Image2D grey = ImageReader.decodeImage("pal.png", png);
    assertEquals(0.2126f, grey.value(1, 0, 0), 1e-6f);
    // and as a label map the stored indices count, not the colours
    LabelMask labels = ImageReader.decodeLabelMap("pal.png", png);
    assertArrayEquals(new byte[] {0, 1, 2, 3}, labels.labels());
  }

  @Test
  void binaryMaskTakesAnyNonZeroPixelAsForeground() throws BadInputException {
    BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
    int[] values = {0, 1, 128, 255};
    for (int x = 0; x < 4; x++) {
      img.getRaster().setSample(x, 0, 0, values[x]);
    }
    LabelMask mask = ImageReader.decodeMask("m.png", ImageTestFiles.encode(img, "png"));
    assertArrayEquals(new boolean[] {false, true, true, true}, mask.foreground());
    assertEquals(1, mask.maxLabel());
  }

  @Test
  void binaryMaskFromRgbaIgnoresFullyTransparentPixels() throws BadInputException {
    BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, 0xFF000000); // opaque black
    img.setRGB(1, 0, 0xFF000100); // opaque, green 1
    img.setRGB(2, 0, 0x00FFFFFF); // transparent white
    img.setRGB(3, 0, 0x01FF0000); // barely visible red
    LabelMask mask = ImageReader.decodeMask("m.png", ImageTestFiles.encode(img, "png"));
    assertArrayEquals(new boolean[] {false, true, false, true}, mask.foreground());
  }

  @Test
  void labelMapKeepsIndicesAndRefusesValuesOver255() throws BadInputException {
    BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
    img.getRaster().setSample(0, 0, 0, 0);
    img.getRaster().setSample(1, 0, 0, 2);
    img.getRaster().setSample(2, 0, 0, 255);
    LabelMask labels = ImageReader.decodeLabelMap("l.png", ImageTestFiles.encode(img, "png"));
    assertEquals(2, labels.label(1, 0));
    assertEquals(255, labels.label(2, 0));

    img.getRaster().setSample(2, 0, 0, 300);
    byte[] tooBig = ImageTestFiles.encode(img, "png");
    BadInputException e =
        assertThrows(BadInputException.class, () -> ImageReader.decodeLabelMap("l300.png", tooBig));
    assertTrue(e.getMessage().startsWith("l300.png: "), e.getMessage());
    assertTrue(e.getMessage().contains("300"), e.getMessage());
  }

  @Test
  void labelMapRefusesColourImages() {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
    byte[] png = ImageTestFiles.encode(img, "png");
    BadInputException e =
        assertThrows(BadInputException.class, () -> ImageReader.decodeLabelMap("c.png", png));
    assertTrue(e.getMessage().contains("colour channels"), e.getMessage());
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = ImageReaderFormatsTest.class.getResourceAsStream("/io/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /io/" + name);
      }
      return in.readAllBytes();
    }
  }
}
