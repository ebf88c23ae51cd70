package org.ambiseg.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/** Writes the small PNGs, folders and zips the dataset tests read. */
final class DatasetFixtures {

  private DatasetFixtures() {}

  /** An 8-bit grey PNG whose pixel (x, y) is {@code value(x, y)}. */
  static byte[] greyPng(int w, int h, PixelValue value) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.getRaster().setSample(x, y, 0, value.at(x, y));
      }
    }
    return png(img);
  }

  /** A 0/255 mask PNG, foreground where {@code fg(x, y)}. */
  static byte[] maskPng(int w, int h, Foreground fg) throws IOException {
    return greyPng(w, h, (x, y) -> fg.at(x, y) ? 255 : 0);
  }

  /** Writes bytes to {@code file}, creating its folders. */
  static Path write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  /** Writes a zip holding the given entries (name to bytes) in iteration order. */
  static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  /** A grey value 0..255 per pixel. */
  interface PixelValue {
    int at(int x, int y);
  }

  /** A foreground flag per pixel. */
  interface Foreground {
    boolean at(int x, int y);
  }

  private static byte[] png(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, "png", out)) {
      throw new IOException("no PNG writer");
    }
    return out.toByteArray();
  }
}
