package org.ambiseg.io.synth;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.io.AtomicFiles;

/** Writes 8-bit grey PNGs: images scaled from [0, 1] to 0..255, binary masks as 0/255. */
final class GreyPng {

  private GreyPng() {}

  /** Writes the grey value of every pixel, rounded to 8 bits. */
  static void writeImage(Image2D image, Path file) throws IOException {
    int w = image.width();
    int h = image.height();
    int[] v = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        v[y * w + x] = Math.round(Math.min(1f, Math.max(0f, image.grey(x, y))) * 255f);
      }
    }
    write(w, h, v, file);
  }

  /** Writes foreground as 255 and background as 0. */
  static void writeMask(LabelMask mask, Path file) throws IOException {
    boolean[] fg = mask.foreground();
    int[] v = new int[fg.length];
    for (int i = 0; i < fg.length; i++) {
      v[i] = fg[i] ? 255 : 0;
    }
    write(mask.width(), mask.height(), v, file);
  }

  private static void write(int w, int h, int[] values, Path file) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = img.getRaster();
    raster.setPixels(0, 0, w, h, values);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    AtomicFiles.write(
        file,
        out -> {
          if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available for " + file);
          }
        });
  }
}
