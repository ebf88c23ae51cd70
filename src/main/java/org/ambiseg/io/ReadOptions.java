package org.ambiseg.io;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@link ImageReader} decodes a file: colour handling, the DICOM display window and the largest
 * image (in pixels) it agrees to allocate.
 *
 * @param colorMode grey (default) or keep RGB
 * @param dicomWindow the window applied to DICOM values (default {@link DicomWindow#LUNG})
 * @param maxPixels images whose header declares more pixels (width x height x frames) are refused
 *     before any pixel memory is allocated
 */
public record ReadOptions(ColorMode colorMode, DicomWindow dicomWindow, long maxPixels) {

  /** Default pixel limit: 100 megapixels. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /** System property that overrides {@link #DEFAULT_MAX_PIXELS}, e.g. {@code -D...=250000000}. */
  public static final String MAX_PIXELS_PROPERTY = "ambiseg.maxImagePixels";

  private static final Logger LOG = LoggerFactory.getLogger(ReadOptions.class);

  /** Validates the components. */
  public ReadOptions {
    Objects.requireNonNull(colorMode, "colorMode");
    Objects.requireNonNull(dicomWindow, "dicomWindow");
    if (maxPixels <= 0) {
      throw new IllegalArgumentException("maxPixels must be positive, got " + maxPixels);
    }
  }

  /**
   * Grey, lung window, and the pixel limit from the system property {@value #MAX_PIXELS_PROPERTY}
   * (read on each call) or else {@link #DEFAULT_MAX_PIXELS}.
   */
  public static ReadOptions defaults() {
    return new ReadOptions(ColorMode.GREY, DicomWindow.LUNG, configuredMaxPixels());
  }

  /** These options with another colour mode. */
  public ReadOptions withColorMode(ColorMode mode) {
    return new ReadOptions(mode, dicomWindow, maxPixels);
  }

  /** These options with another DICOM window. */
  public ReadOptions withDicomWindow(DicomWindow window) {
    return new ReadOptions(colorMode, window, maxPixels);
  }

  /** These options with another pixel limit. */
  public ReadOptions withMaxPixels(long limit) {
    return new ReadOptions(colorMode, dicomWindow, limit);
  }

  private static long configuredMaxPixels() {
    String value = System.getProperty(MAX_PIXELS_PROPERTY);
    if (value == null || value.isBlank()) {
      return DEFAULT_MAX_PIXELS;
    }
    try {
      long limit = Long.parseLong(value.trim());
      if (limit > 0) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    LOG.warn(
        "ignoring {}={}: not a positive whole number; using {}",
        MAX_PIXELS_PROPERTY,
        value,
        DEFAULT_MAX_PIXELS);
    return DEFAULT_MAX_PIXELS;
  }
}
