package org.ambiseg.io;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The top-level DICOM attributes as ImageJ lists them ("0028,0010 Rows: 48", one per line), read
 * before the pixel data is decoded.
 */
final class DicomHeader {

  static final String TRANSFER_SYNTAX = "0002,0010";
  static final String SAMPLES_PER_PIXEL = "0028,0002";
  static final String PHOTOMETRIC = "0028,0004";
  static final String FRAMES = "0028,0008";
  static final String ROWS = "0028,0010";
  static final String COLUMNS = "0028,0011";
  static final String PIXEL_SPACING = "0028,0030";
  static final String BITS_ALLOCATED = "0028,0100";
  static final String PIXEL_REPRESENTATION = "0028,0103";
  static final String WINDOW_CENTER = "0028,1050";
  static final String WINDOW_WIDTH = "0028,1051";
  static final String RESCALE_INTERCEPT = "0028,1052";
  static final String RESCALE_SLOPE = "0028,1053";

  private final Map<String, String> values;
  private final long pixelOffset;
  private final long pixelLength;

  /**
   * @param values attribute values by tag ("0028,0010"), text trimmed, US values as decimals
   * @param pixelOffset where the pixel data value starts in the file
   * @param pixelLength the pixel data's declared length, -1 when undefined (encapsulated)
   */
  DicomHeader(Map<String, String> values, long pixelOffset, long pixelLength) {
    this.values = Map.copyOf(values);
    this.pixelOffset = pixelOffset;
    this.pixelLength = pixelLength;
  }

  long pixelOffset() {
    return pixelOffset;
  }

  long pixelLength() {
    return pixelLength;
  }

  Optional<String> text(String tag) {
    return Optional.ofNullable(values.get(tag)).filter(v -> !v.isEmpty());
  }

  /** The first of the backslash-separated numbers of {@code tag}, when present and numeric. */
  OptionalDouble number(String tag) {
    return number(tag, 0);
  }

  /** Number {@code index} of the backslash-separated values of {@code tag}. */
  OptionalDouble number(String tag, int index) {
    Optional<String> text = text(tag);
    if (text.isEmpty()) {
      return OptionalDouble.empty();
    }
    String[] parts = text.get().split("\\\\");
    if (index >= parts.length) {
      return OptionalDouble.empty();
    }
    try {
      double v = Double.parseDouble(parts[index].trim());
      return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
