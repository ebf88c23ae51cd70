package org.ambiseg.io;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/**
 * Writes images, masks and ARGB overlays as PNG files, atomically (see {@link AtomicFiles}).
 *
 * <p>Image values in [0, 1] become {@code round(v * 255)} (8-bit) or {@code round(v * 65535)}
 * (16-bit), so {@link ImageReader} reads them back to within half a step.
 */
public final class PngWriter {

  private PngWriter() {}

  /** Writes a grey image as 8-bit grey, an RGB image as 8-bit RGB. */
  public static void writeImage(Path target, Image2D image) throws IOException {
    write(target, toBufferedImage(image, false));
  }

  /** Writes a grey image as 16-bit grey, an RGB image as 16-bit RGB (keeps more precision). */
  public static void writeImage16(Path target, Image2D image) throws IOException {
    write(target, toBufferedImage(image, true));
  }

  /** Writes a mask as 8-bit grey: background 0, every non-zero class 255 (visible, binary). */
  public static void writeMask(Path target, LabelMask mask) throws IOException {
    BufferedImage out =
        new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster r = out.getRaster();
    for (int y = 0; y < mask.height(); y++) {
      for (int x = 0; x < mask.width(); x++) {
        r.setSample(x, y, 0, mask.label(x, y) == 0 ? 0 : 255);
      }
    }
    write(target, out);
  }

  /** Writes a mask's class indices as 8-bit grey values (0, 1, 2, ...), as read by labelMap. */
  public static void writeLabelMap(Path target, LabelMask mask) throws IOException {
    BufferedImage out =
        new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster r = out.getRaster();
    for (int y = 0; y < mask.height(); y++) {
      for (int x = 0; x < mask.width(); x++) {
        r.setSample(x, y, 0, mask.label(x, y));
      }
    }
    write(target, out);
  }

  /**
   * Writes an RGBA image from packed {@code 0xAARRGGBB} pixels (row-major), e.g. an overlay.
   *
   * @throws IllegalArgumentException when {@code argb} does not hold width x height pixels
   */
  public static void writeArgb(Path target, int width, int height, int[] argb) throws IOException {
    if (width <= 0 || height <= 0 || argb.length != (long) width * height) {
      throw new IllegalArgumentException(
          "expected " + width + "x" + height + " pixels, got " + argb.length);
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, width, height, argb, 0, width);
    write(target, out);
  }

  private static BufferedImage toBufferedImage(Image2D image, boolean sixteenBit) {
    int w = image.width();
    int h = image.height();
    int channels = image.channels();
    BufferedImage out;
    if (channels == 1) {
      out =
          new BufferedImage(
              w, h, sixteenBit ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
    } else if (sixteenBit) {
      out = rgb16(w, h);
    } else {
      out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    }
    int max = sixteenBit ? 65535 : 255;
    WritableRaster r = out.getRaster();
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          r.setSample(x, y, c, Math.round(image.value(x, y, c) * max));
        }
      }
    }
    return out;
  }

  private static void write(Path target, BufferedImage image) throws IOException {
    AtomicFiles.write(
        target,
        out -> {
          Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
          if (!writers.hasNext()) {
            throw new IOException("no PNG writer installed");
          }
          ImageWriter writer = writers.next();
          try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
          } finally {
            writer.dispose();
          }
        });
  }

  /** A 16-bit-per-channel RGB image, which BufferedImage has no predefined type for. */
  private static BufferedImage rgb16(int width, int height) {
    ComponentColorModel cm =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_USHORT);
    return new BufferedImage(cm, cm.createCompatibleWritableRaster(width, height), false, null);
  }
}
