package org.ambiseg.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small image fixtures for the app tests. */
final class TestImages {

  private TestImages() {}

  /** The grey level of the test pattern at (x, y): (7x + 13y + 5) mod 256. */
  static int pattern(int x, int y) {
    return (7 * x + 13 * y + 5) % 256;
  }

  /** Writes an 8-bit grey PNG of the test pattern. */
  static Path greyPng(Path file, int width, int height) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        img.getRaster().setSample(x, y, 0, pattern(x, y));
      }
    }
    if (!ImageIO.write(img, "png", file.toFile())) {
      throw new IOException("no PNG writer");
    }
    return file;
  }

  /** Writes a text file with a .png name: not an image. */
  static Path corruptPng(Path file) throws IOException {
    Files.writeString(file, "this is not an image\n", StandardCharsets.UTF_8);
    return file;
  }
}
