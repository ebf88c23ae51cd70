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
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
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

  private static final String PNG_METADATA = "javax_imageio_png_1.0";

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

  /**
   * Writes any image with {@code text} as PNG {@code tEXt} chunks (keyword to value, in the map's
   * order), e.g. an {@link ExportStamp}'s entries.
   *
   * <p>PNG text is Latin-1: characters outside it become '?'. Keywords must be 1..79 printable
   * Latin-1 characters.
   *
   * @throws IllegalArgumentException for an invalid keyword
   */
  public static void writeWithText(Path target, BufferedImage image, Map<String, String> text)
      throws IOException {
    for (String keyword : text.keySet()) {
      if (keyword.isEmpty() || keyword.length() > 79 || !keyword.equals(latin1(keyword))) {
        throw new IllegalArgumentException("invalid PNG text keyword '" + keyword + "'");
      }
    }
    AtomicFiles.write(
        target,
        out -> {
          ImageWriter writer = pngWriter();
          try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta =
                writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode textNode = new IIOMetadataNode("tEXt");
            for (Map.Entry<String, String> e : text.entrySet()) {
              IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
              entry.setAttribute("keyword", e.getKey());
              entry.setAttribute("value", latin1(e.getValue()));
              textNode.appendChild(entry);
            }
            IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
            root.appendChild(textNode);
            try {
              meta.mergeTree(PNG_METADATA, root);
            } catch (IIOInvalidTreeException e) {
              throw new IOException("cannot build PNG text metadata: " + e.getMessage(), e);
            }
            writer.write(null, new IIOImage(image, null, meta), param);
          } finally {
            writer.dispose();
          }
        });
  }

  /** {@code text} with every character outside Latin-1 (and every control but '\n') as '?'. */
  static String latin1(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean printable = (c >= 32 && c <= 126) || (c >= 161 && c <= 255) || c == '\n';
      out.append(printable ? c : '?');
    }
    return out.toString();
  }

  private static ImageWriter pngWriter() throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IOException("no PNG writer installed");
    }
    return writers.next();
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
          ImageWriter writer = pngWriter();
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
