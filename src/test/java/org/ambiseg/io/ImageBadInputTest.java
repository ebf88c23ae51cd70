package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad file ends in one BadInputException line naming the file and the problem. */
class ImageBadInputTest {

  @TempDir Path dir;

  /** Asserts that reading {@code file} fails with a one-line message naming it and the problem. */
  private static BadInputException refused(Path file, String problemWord) {
    BadInputException e = assertThrows(BadInputException.class, () -> ImageReader.readImage(file));
    String message = e.getMessage();
    assertTrue(message.contains(file.getFileName().toString()), message);
    assertTrue(message.toLowerCase().contains(problemWord), message);
    assertFalse(message.contains("\n"), message);
    return e;
  }

  private static byte[] validPng() {
    BufferedImage img = new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 20; x++) {
        img.getRaster().setSample(x, y, 0, (x * 13 + y * 7) % 256);
      }
    }
    return ImageTestFiles.encode(img, "png");
  }

  @Test
  void zeroByteFile() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.png"));
    refused(file, "empty file (0 bytes)");
  }

  @Test
  void truncatedPng() throws IOException {
    byte[] png = validPng();
    Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length - 20));
    BadInputException e = refused(file, "truncated png");
    assertTrue(e.problem().contains("IDAT") || e.problem().contains("IEND"), e.getMessage());
  }

  @Test
  void textRenamedPng() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.png"), "just some notes\nnot an image\n");
    BadInputException e = refused(file, "not a png file");
    assertTrue(e.problem().contains("text"), e.getMessage());
  }

  @Test
  void hugePngHeaderIsRefusedFastWithoutAllocating() throws IOException {
    byte[] header = ImageTestFiles.pngHeader(30000, 30000);
    Path file = Files.write(dir.resolve("huge.png"), header);
    long start = System.nanoTime();
    BadInputException e = refused(file, "too large");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(e.problem().contains("30000x30000"), e.getMessage());
    assertTrue(
        e.problem().contains(String.valueOf(ReadOptions.DEFAULT_MAX_PIXELS)), e.getMessage());
    // 900 megapixels of floats would be 3.6 GB; the header alone is 33 bytes
    assertTrue(millis < 1000, "took " + millis + " ms");
  }

  @Test
  void pixelLimitComesFromOptionsAndSystemProperty() throws BadInputException {
    byte[] png = validPng(); // 20x10 = 200 pixels
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ImageReader.decodeImage(
                    "small.png", png, ReadOptions.defaults().withMaxPixels(199)));
    assertTrue(e.getMessage().contains("20x10"), e.getMessage());
    assertEquals(
        20,
        ImageReader.decodeImage("small.png", png, ReadOptions.defaults().withMaxPixels(200))
            .width());

    String old = System.getProperty(ReadOptions.MAX_PIXELS_PROPERTY);
    System.setProperty(ReadOptions.MAX_PIXELS_PROPERTY, "150");
    try {
      assertEquals(150, ReadOptions.defaults().maxPixels());
      assertThrows(BadInputException.class, () -> ImageReader.decodeImage("small.png", png));
      System.setProperty(ReadOptions.MAX_PIXELS_PROPERTY, "not a number");
      assertEquals(ReadOptions.DEFAULT_MAX_PIXELS, ReadOptions.defaults().maxPixels());
    } finally {
      if (old == null) {
        System.clearProperty(ReadOptions.MAX_PIXELS_PROPERTY);
      } else {
        System.setProperty(ReadOptions.MAX_PIXELS_PROPERTY, old);
      }
    }
  }

  @Test
  void sizeLimitAppliesToOtherFormatsFromTheirHeaders() {
    BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY);
    for (String format : new String[] {"bmp", "tiff", "jpeg", "gif"}) {
      byte[] bytes = ImageTestFiles.encode(img, format);
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () ->
                  ImageReader.decodeImage(
                      "big." + format, bytes, ReadOptions.defaults().withMaxPixels(599)));
      assertTrue(e.getMessage().contains("30x20"), format + ": " + e.getMessage());
    }
  }

  @Test
  void zeroSizeImage() throws IOException {
    byte[] png =
        ImageTestFiles.concat(
            ImageTestFiles.pngHeader(0, 16), ImageTestFiles.chunk("IEND", new byte[0]));
    Path file = Files.write(dir.resolve("zero.png"), png);
    BadInputException e = refused(file, "zero-size");
    assertTrue(e.problem().contains("0x16"), e.getMessage());
  }

  @Test
  void damagedChunkFailsItsCrc() throws IOException {
    byte[] png = validPng();
    png[png.length - 20] ^= 0x55; // inside the IDAT data
    Path file = Files.write(dir.resolve("flipped.png"), png);
    refused(file, "crc");
  }

  @Test
  void missingFileAndFolder() {
    refused(dir.resolve("absent.png"), "not found");
    refused(dir, "folder");
  }

  @Test
  void unknownBinaryContentNamesItsFirstBytes() throws IOException {
    Path file = Files.write(dir.resolve("blob.dat"), new byte[] {1, 2, 3, 4, 0, 0, 0, 0, 9});
    BadInputException e = refused(file, "not a supported image");
    assertTrue(e.problem().contains("01020304"), e.getMessage());
  }

  @Test
  void textThatIsNotAnImageOfAnyNamedType() throws IOException {
    Path file =
        Files.write(dir.resolve("scan.tif"), "hello there".getBytes(StandardCharsets.UTF_8));
    refused(file, "not a tiff file");
  }

  /**
   * Every truncation and many single-byte corruptions of valid files in each format: the reader
   * either decodes something or throws BadInputException, never anything else.
   */
  @Test
  void damagedFilesNeverEscapeAsOtherExceptions() {
    BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_3BYTE_BGR);
    Random random = new Random(42);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        img.setRGB(x, y, random.nextInt());
      }
    }
    int refusedCount = 0;
    for (String format : new String[] {"png", "bmp", "tiff", "jpeg", "gif"}) {
      byte[] valid = ImageTestFiles.encode(img, format);
      for (int length = 0; length < valid.length; length++) {
        refusedCount += tryDecode(format, Arrays.copyOf(valid, length));
      }
      for (int i = 0; i < 150; i++) {
        byte[] damaged = valid.clone();
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
        refusedCount += tryDecode(format, damaged);
        tryDecodeMask(format, damaged);
      }
    }
    assertTrue(refusedCount > 0);
  }

  private static int tryDecode(String format, byte[] bytes) {
    try {
      Image2D image = ImageReader.decodeImage("fuzz." + format, bytes);
      assertTrue(image.width() > 0);
      return 0;
    } catch (BadInputException e) {
      assertTrue(e.getMessage().startsWith("fuzz." + format + ": "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      return 1;
    }
  }

  private static void tryDecodeMask(String format, byte[] bytes) {
    try {
      ImageReader.decodeMask("fuzz." + format, bytes);
    } catch (BadInputException e) {
      assertTrue(e.getMessage().startsWith("fuzz." + format + ": "), e.getMessage());
    }
  }
}
