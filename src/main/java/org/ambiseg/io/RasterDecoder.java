package org.ambiseg.io;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.ambiseg.core.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes PNG, JPEG, TIFF, BMP and GIF bytes with the JDK's ImageIO, which keeps 16-bit samples
 * (Commons Imaging reduces them to 8 bits). The header size is checked against the pixel limit
 * before the pixels are decoded.
 */
final class RasterDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(RasterDecoder.class);

  private RasterDecoder() {}

  /** Decodes the first image in {@code bytes}, whose format was detected as {@code format}. */
  static BufferedImage decode(String name, byte[] bytes, ImageFormat format, long maxPixels)
      throws BadInputException {
    String formatName = format.name().toLowerCase(Locale.ROOT);
    Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
    if (!readers.hasNext()) {
      throw new BadInputException(name, "no decoder installed for " + format + " images");
    }
    javax.imageio.ImageReader reader = readers.next();
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, false);
      SizeCheck.check(name, reader.getWidth(0), reader.getHeight(0), 1, maxPixels);
      BufferedImage image = reader.read(0);
      checkWarnings(name, format, warnings);
      return image;
    } catch (IIOException e) {
      throw new BadInputException(name, "corrupt " + format + " image (" + reason(e) + ")", e);
    } catch (IOException e) {
      throw new BadInputException(
          name, "truncated or corrupt " + format + " image (" + reason(e) + ")", e);
    } catch (IndexOutOfBoundsException e) {
      // ImageIO's way of saying "there is no image 0"
      throw new BadInputException(name, "no image in this " + format + " file", e);
    } catch (RuntimeException e) {
      throw new BadInputException(
          name, "corrupt " + format + " image (the decoder failed: " + reason(e) + ")", e);
    } finally {
      reader.dispose();
    }
  }

  /** A truncated JPEG decodes with only a warning; refuse it, log any other warning. */
  private static void checkWarnings(String name, ImageFormat format, List<String> warnings)
      throws BadInputException {
    for (String warning : warnings) {
      if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
        throw new BadInputException(name, "truncated " + format + " image (" + warning + ")");
      }
      LOG.warn("{}: {}", name, warning);
    }
  }

  /** The exception's message on one line, or its class name when it has none. */
  static String reason(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return message.replaceAll("\\s+", " ").trim();
  }
}
