package org.ambiseg.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads images and masks from files or bytes into {@link Image2D} (values scaled to [0, 1]) and
 * {@link LabelMask}; every failure is a {@link BadInputException} naming the file, and no other
 * exception escapes.
 *
 * <p>Formats are detected from the content, not the file name: PNG (1-16-bit grey, grey+alpha, RGB,
 * RGBA, palette), JPEG, TIFF, BMP, GIF (through the JDK's ImageIO, which keeps 16-bit samples), and
 * uncompressed single-frame DICOM (through ImageJ). Integer samples are divided by their largest
 * value (8-bit by 255, 16-bit by 65535); transparent pixels are composited on black; RGB becomes
 * grey by Rec. 709 luminance unless {@link ColorMode#KEEP_RGB} is asked for. DICOM values are
 * rescaled to modality units (HU for CT), then mapped to [0, 1] through {@link
 * ReadOptions#dicomWindow()} (lung window by default), and the pixel spacing is kept.
 *
 * <p>Before pixels are decoded the declared size is checked: zero-size images and images over
 * {@link ReadOptions#maxPixels()} (100 megapixels by default, or {@value
 * ReadOptions#MAX_PIXELS_PROPERTY}) are refused without allocating their pixels. PNG files are also
 * checked chunk by chunk (complete, CRC-correct, ending with IEND).
 *
 * <p>Masks use the stored values (palette indices for palette images): for binary masks any
 * non-zero, not fully transparent pixel is foreground; label maps keep the indices 0..255.
 */
public final class ImageReader {

  private static final Logger LOG = LoggerFactory.getLogger(ImageReader.class);

  /** Files over this size cannot be held in one byte array. */
  private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  private ImageReader() {}

  /** Reads an image file with {@link ReadOptions#defaults()}. */
  public static Image2D readImage(Path file) throws BadInputException {
    return readImage(file, ReadOptions.defaults());
  }

  /** Reads an image file with the given options. */
  public static Image2D readImage(Path file, ReadOptions options) throws BadInputException {
    return decodeImage(file.toString(), readBytes(file), options);
  }

  /**
   * Decodes an image from bytes with {@link ReadOptions#defaults()}; {@code name} is for errors.
   */
  public static Image2D decodeImage(String name, byte[] bytes) throws BadInputException {
    return decodeImage(name, bytes, ReadOptions.defaults());
  }

  /** Decodes an image from bytes; {@code name} is used in error messages. */
  public static Image2D decodeImage(String name, byte[] bytes, ReadOptions options)
      throws BadInputException {
    ImageFormat format = detect(name, bytes);
    if (format == ImageFormat.DICOM) {
      return DicomReader.decode(name, bytes, options).toImage();
    }
    BufferedImage image = decodeRaster(name, bytes, format, options);
    try {
      return RasterConversion.toImage(name, image, options.colorMode());
    } catch (RuntimeException e) {
      throw unexpected(name, format, e);
    }
  }

  /** Reads a DICOM file with {@link ReadOptions#defaults()}, keeping its modality values. */
  public static DicomImage readDicom(Path file) throws BadInputException {
    return readDicom(file, ReadOptions.defaults());
  }

  /** Reads a DICOM file, keeping its modality values (HU for CT) for re-windowing. */
  public static DicomImage readDicom(Path file, ReadOptions options) throws BadInputException {
    return decodeDicom(file.toString(), readBytes(file), options);
  }

  /** Decodes DICOM bytes, keeping the modality values; other formats are refused. */
  public static DicomImage decodeDicom(String name, byte[] bytes, ReadOptions options)
      throws BadInputException {
    ImageFormat format = detect(name, bytes);
    if (format != ImageFormat.DICOM) {
      throw new BadInputException(name, "not a DICOM file (the content is " + format + ")");
    }
    return DicomReader.decode(name, bytes, options);
  }

  /** Reads a binary mask file: any non-zero pixel is foreground. */
  public static LabelMask readMask(Path file) throws BadInputException {
    return decodeMask(file.toString(), readBytes(file));
  }

  /** Decodes a binary mask from bytes: any non-zero pixel is foreground. */
  public static LabelMask decodeMask(String name, byte[] bytes) throws BadInputException {
    return decodeMask(name, bytes, ReadOptions.defaults());
  }

  /** Decodes a binary mask from bytes with the given pixel limit (other options do not apply). */
  public static LabelMask decodeMask(String name, byte[] bytes, ReadOptions options)
      throws BadInputException {
    BufferedImage image = decodeMaskRaster(name, bytes, options);
    try {
      return RasterConversion.toBinaryMask(name, image);
    } catch (RuntimeException e) {
      throw unexpected(name, ImageFormat.detect(bytes).orElseThrow(), e);
    }
  }

  /** Reads a label map file: grey or palette values are class indices 0..255. */
  public static LabelMask readLabelMap(Path file) throws BadInputException {
    return decodeLabelMap(file.toString(), readBytes(file));
  }

  /** Decodes a label map from bytes: grey or palette values are class indices 0..255. */
  public static LabelMask decodeLabelMap(String name, byte[] bytes) throws BadInputException {
    return decodeLabelMap(name, bytes, ReadOptions.defaults());
  }

  /** Decodes a label map from bytes with the given pixel limit (other options do not apply). */
  public static LabelMask decodeLabelMap(String name, byte[] bytes, ReadOptions options)
      throws BadInputException {
    BufferedImage image = decodeMaskRaster(name, bytes, options);
    try {
      return RasterConversion.toLabelMap(name, image);
    } catch (RuntimeException e) {
      throw unexpected(name, ImageFormat.detect(bytes).orElseThrow(), e);
    }
  }

  private static BufferedImage decodeMaskRaster(String name, byte[] bytes, ReadOptions options)
      throws BadInputException {
    ImageFormat format = detect(name, bytes);
    if (format == ImageFormat.DICOM) {
      throw new BadInputException(name, "DICOM masks are not supported; use PNG or TIFF masks");
    }
    if (format == ImageFormat.JPEG) {
      LOG.warn("{}: JPEG mask: lossy compression may turn background pixels into foreground", name);
    }
    return decodeRaster(name, bytes, format, options);
  }

  private static BufferedImage decodeRaster(
      String name, byte[] bytes, ImageFormat format, ReadOptions options) throws BadInputException {
    if (format == ImageFormat.PNG) {
      PngCheck.check(name, bytes, options.maxPixels());
    }
    return RasterDecoder.decode(name, bytes, format, options.maxPixels());
  }

  /** A decoded image whose layout the conversion could not handle (e.g. a damaged header). */
  private static BadInputException unexpected(String name, ImageFormat format, RuntimeException e) {
    return new BadInputException(
        name, "unusable " + format + " image (" + RasterDecoder.reason(e) + ")", e);
  }

  /** The content's format, or a one-line reason why it is not an image we read. */
  private static ImageFormat detect(String name, byte[] bytes) throws BadInputException {
    if (bytes.length == 0) {
      throw new BadInputException(name, "empty file (0 bytes)");
    }
    Optional<ImageFormat> format = ImageFormat.detect(bytes);
    if (format.isPresent()) {
      return format.get();
    }
    String expected = expectedFormat(name);
    throw new BadInputException(
        name,
        (expected == null ? "not a supported image" : "not a " + expected + " file")
            + ": the content "
            + describe(bytes)
            + " (supported: PNG, JPEG, TIFF, BMP, GIF, DICOM)");
  }

  /** The format the file name's extension promises, for a clearer message. */
  private static String expectedFormat(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    String ext = dot < 0 ? "" : lower.substring(dot + 1);
    return switch (ext) {
      case "png" -> "PNG";
      case "jpg", "jpeg" -> "JPEG";
      case "tif", "tiff" -> "TIFF";
      case "bmp" -> "BMP";
      case "gif" -> "GIF";
      case "dcm", "dicom" -> "DICOM";
      default -> null;
    };
  }

  /** A short description of unrecognised content: text, or a too-short or unknown binary start. */
  private static String describe(byte[] bytes) {
    if (bytes.length < 8) {
      return "is only " + bytes.length + " bytes long";
    }
    int printable = 0;
    int n = Math.min(bytes.length, 512);
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b < 0x7F) || b >= 0x80) {
        printable++;
      }
    }
    if (printable == n) {
      return "looks like text, not an image";
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      hex.append(String.format("%02X", bytes[i] & 0xFF));
    }
    return "starts with bytes " + hex + ", no known image signature";
  }

  private static byte[] readBytes(Path file) throws BadInputException {
    try {
      if (Files.isDirectory(file)) {
        throw new BadInputException(file, "is a folder, not an image file");
      }
      long size = Files.size(file);
      if (size == 0) {
        throw new BadInputException(file, "empty file (0 bytes)");
      }
      if (size > MAX_FILE_BYTES) {
        throw new BadInputException(file, "file too large to read (" + size + " bytes)");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "file not found", e);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read file (" + RasterDecoder.reason(e) + ")", e);
    } catch (RuntimeException e) {
      throw new BadInputException(file, "cannot read file (" + RasterDecoder.reason(e) + ")", e);
    }
  }
}
