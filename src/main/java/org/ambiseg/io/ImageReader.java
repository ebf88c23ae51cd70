package org.ambiseg.io;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/**
 * Reads images and masks from files or bytes into {@link Image2D} (values scaled to [0, 1]) and
 * {@link LabelMask}; every failure is a {@link BadInputException} naming the file.
 *
 * <p>PROVISIONAL minimal version (8-bit grey PNG via ImageIO); the io helper replaces the body.
 */
public final class ImageReader {

  private ImageReader() {}

  /** Reads an image file (format from its content). */
  public static Image2D readImage(Path file) throws BadInputException {
    return decodeImage(file.toString(), readBytes(file));
  }

  /** Decodes an image from bytes; {@code name} is used in error messages. */
  public static Image2D decodeImage(String name, byte[] bytes) throws BadInputException {
    Raster r = decode(name, bytes).getRaster();
    int w = r.getWidth();
    int h = r.getHeight();
    float[] px = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        px[y * w + x] = r.getSample(x, y, 0) / 255f;
      }
    }
    return Image2D.grey(w, h, px);
  }

  /** Reads a mask file: for binary masks any non-zero pixel is foreground. */
  public static LabelMask readMask(Path file) throws BadInputException {
    return decodeMask(file.toString(), readBytes(file));
  }

  /** Decodes a binary mask from bytes: any non-zero pixel is foreground. */
  public static LabelMask decodeMask(String name, byte[] bytes) throws BadInputException {
    Raster r = decode(name, bytes).getRaster();
    int w = r.getWidth();
    int h = r.getHeight();
    boolean[] fg = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        fg[y * w + x] = r.getSample(x, y, 0) != 0;
      }
    }
    return LabelMask.binary(w, h, fg);
  }

  private static byte[] readBytes(Path file) throws BadInputException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read file (" + e.getMessage() + ")", e);
    }
  }

  private static BufferedImage decode(String name, byte[] bytes) throws BadInputException {
    try {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
      if (img == null) {
        throw new BadInputException(name, "not a readable image");
      }
      return img;
    } catch (IOException e) {
      throw new BadInputException(name, "corrupt image (" + e.getMessage() + ")", e);
    }
  }
}
