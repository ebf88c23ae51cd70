package org.ambiseg.app.export;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.ambiseg.io.ExportStamp;
import org.ambiseg.io.PngWriter;

/**
 * Writes a rendered view as a stamped PNG: the stamp's entries as {@code tEXt} chunks, and its
 * caption drawn along the bottom edge when asked.
 */
public final class PngExport {

  private PngExport() {}

  /** Writes {@code image} (left unchanged: the caption goes on a copy) to {@code target}. */
  public static void write(Path target, BufferedImage image, ExportStamp stamp, boolean caption)
      throws IOException {
    BufferedImage out = image;
    if (caption) {
      out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = out.createGraphics();
      try {
        g.drawImage(image, 0, 0, null);
      } finally {
        g.dispose();
      }
      FrameRenderer.drawCaption(out, stamp);
    }
    PngWriter.writeWithText(target, out, stamp.entries());
  }
}
