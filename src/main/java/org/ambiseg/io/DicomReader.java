package org.ambiseg.io;

import ij.Prefs;
import ij.io.FileInfo;
import ij.plugin.DICOM;
import ij.process.ImageProcessor;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.OptionalDouble;
import java.util.Set;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.PixelSpacing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes uncompressed single-frame grey DICOM files with ImageJ ({@code ij.plugin.DICOM}) and
 * applies the rescale itself: {@code value = stored * RescaleSlope + RescaleIntercept}.
 *
 * <p>The header is walked first by {@link DicomScanner} (structure, size, transfer syntax, bit
 * depth, pixel data length), so damaged, truncated, compressed, colour, multi-frame and oversized
 * files are refused before ImageJ sees them and before any pixel memory is allocated. ImageJ keeps
 * static state (its DICOM dictionary and preferences), so decoding is serialised on one lock.
 */
final class DicomReader {

  private static final Logger LOG = LoggerFactory.getLogger(DicomReader.class);
  private static final Object IMAGEJ_LOCK = new Object();

  /** Implicit VR little endian, explicit VR little endian, explicit VR big endian. */
  private static final Set<String> UNCOMPRESSED =
      Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2");

  /** ImageJ adds this to signed 16-bit values to store them unsigned. */
  private static final int SIGNED_16_OFFSET = 32768;

  private DicomReader() {}

  static DicomImage decode(String name, byte[] bytes, ReadOptions options)
      throws BadInputException {
    try {
      DicomHeader header = DicomScanner.scan(name, bytes);
      checkHeader(name, header, bytes.length, options.maxPixels());
      synchronized (IMAGEJ_LOCK) {
        boolean ignoreRescale = Prefs.ignoreRescaleSlope;
        boolean asFloat = Prefs.openDicomsAsFloat;
        // Keep ImageJ from rescaling (it would need a GUI for that): we rescale below.
        Prefs.ignoreRescaleSlope = true;
        Prefs.openDicomsAsFloat = false;
        try {
          return decodePixels(name, bytes, header, options);
        } finally {
          Prefs.ignoreRescaleSlope = ignoreRescale;
          Prefs.openDicomsAsFloat = asFloat;
        }
      }
    } catch (RuntimeException e) {
      throw new BadInputException(name, "corrupt DICOM (" + RasterDecoder.reason(e) + ")", e);
    }
  }

  private static void checkHeader(String name, DicomHeader header, long fileLength, long maxPixels)
      throws BadInputException {
    String syntax = header.text(DicomHeader.TRANSFER_SYNTAX).orElse("1.2.840.10008.1.2");
    if (!UNCOMPRESSED.contains(syntax)) {
      throw new BadInputException(
          name,
          "compressed DICOM (transfer syntax "
              + syntax
              + ") is not supported; convert it to uncompressed, e.g. with dcmdjpeg");
    }
    int samples = (int) header.number(DicomHeader.SAMPLES_PER_PIXEL).orElse(1);
    if (samples != 1) {
      throw new BadInputException(
          name, "colour DICOM (" + samples + " samples per pixel) is not supported");
    }
    int bits = (int) header.number(DicomHeader.BITS_ALLOCATED).orElse(16);
    if (bits != 8 && bits != 16) {
      throw new BadInputException(
          name, bits + "-bit DICOM is not supported (only 8- and 16-bit samples)");
    }
    OptionalDouble rows = header.number(DicomHeader.ROWS);
    OptionalDouble columns = header.number(DicomHeader.COLUMNS);
    if (rows.isEmpty() || columns.isEmpty()) {
      throw new BadInputException(name, "DICOM without an image (no Rows or Columns attribute)");
    }
    long width = (long) columns.getAsDouble();
    long height = (long) rows.getAsDouble();
    long frames = (long) header.number(DicomHeader.FRAMES).orElse(1);
    SizeCheck.check(name, width, height, frames, maxPixels);
    if (frames != 1) {
      throw new BadInputException(
          name, "multi-frame DICOM (" + frames + " frames) is not supported; export one slice");
    }
    long needed = width * height * (bits / 8);
    long available = fileLength - header.pixelOffset();
    if (header.pixelLength() >= 0) {
      available = Math.min(available, header.pixelLength());
    }
    if (available < needed) {
      throw new BadInputException(
          name,
          "truncated DICOM: the pixel data needs "
              + needed
              + " bytes, the file holds "
              + available);
    }
  }

  private static DicomImage decodePixels(
      String name, byte[] bytes, DicomHeader header, ReadOptions options) throws BadInputException {
    DICOM dicom = new DICOM(new EofCheckingStream(bytes));
    dicom.open(imageJName(name));
    ImageProcessor processor = dicom.getProcessor();
    FileInfo info = dicom.getOriginalFileInfo();
    if (dicom.getWidth() <= 0 || processor == null || info == null) {
      throw new BadInputException(name, "corrupt DICOM (ImageJ could not decode the pixel data)");
    }
    int width = dicom.getWidth();
    int height = dicom.getHeight();
    if (width != (long) header.number(DicomHeader.COLUMNS).orElse(-1)
        || height != (long) header.number(DicomHeader.ROWS).orElse(-1)) {
      throw new BadInputException(
          name,
          "corrupt DICOM (ImageJ read " + width + "x" + height + ", the header says otherwise)");
    }
    int shift =
        switch (info.fileType) {
          case FileInfo.GRAY8, FileInfo.GRAY16_UNSIGNED -> 0;
          case FileInfo.GRAY16_SIGNED -> SIGNED_16_OFFSET;
          default ->
              throw new BadInputException(
                  name, "unsupported DICOM pixel type (ImageJ file type " + info.fileType + ")");
        };
    double slope = header.number(DicomHeader.RESCALE_SLOPE).orElse(1);
    double intercept = header.number(DicomHeader.RESCALE_INTERCEPT).orElse(0);
    float[] hu = new float[width * height];
    for (int i = 0; i < hu.length; i++) {
      hu[i] = (float) ((processor.getf(i) - shift) * slope + intercept);
    }
    boolean inverted =
        header.text(DicomHeader.PHOTOMETRIC).map("MONOCHROME1"::equals).orElse(false);
    return DicomImage.decoded(
        width,
        height,
        hu,
        spacing(name, header),
        options.dicomWindow(),
        storedWindow(header),
        inverted);
  }

  /** Pixel Spacing is "row spacing \ column spacing" in mm; a damaged value is left out. */
  private static PixelSpacing spacing(String name, DicomHeader header) {
    OptionalDouble row = header.number(DicomHeader.PIXEL_SPACING, 0);
    OptionalDouble column = header.number(DicomHeader.PIXEL_SPACING, 1);
    if (row.isEmpty() || column.isEmpty()) {
      return null;
    }
    try {
      return new PixelSpacing(row.getAsDouble(), column.getAsDouble());
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: ignoring pixel spacing: {}", name, e.getMessage());
      return null;
    }
  }

  private static DicomWindow storedWindow(DicomHeader header) {
    OptionalDouble centre = header.number(DicomHeader.WINDOW_CENTER);
    OptionalDouble width = header.number(DicomHeader.WINDOW_WIDTH);
    if (centre.isEmpty() || width.isEmpty() || !(width.getAsDouble() > 0)) {
      return null;
    }
    return new DicomWindow(centre.getAsDouble(), width.getAsDouble());
  }

  /** ImageJ wants a plain, non-empty file name (an empty one would open a file dialog). */
  private static String imageJName(String name) {
    String base = name.replaceAll("^.*[/\\\\]", "").replaceAll("[^A-Za-z0-9._-]", "_");
    return base.isEmpty() ? "image.dcm" : base;
  }

  /**
   * The file's bytes for ImageJ, whose header parser skips an element with {@code while (n > 0) n
   * -= in.skip(n)}: on a damaged length past the end of the file that loops forever. Here a skip
   * that makes no progress throws instead, which ImageJ treats as the end of the header.
   */
  private static final class EofCheckingStream extends BufferedInputStream {

    EofCheckingStream(byte[] bytes) {
      super(new ByteArrayInputStream(bytes));
    }

    @Override
    public synchronized long skip(long n) throws IOException {
      long skipped = super.skip(n);
      if (n > 0 && skipped <= 0) {
        throw new EOFException("unexpected EOF: cannot skip " + n + " bytes");
      }
      return skipped;
    }
  }
}
