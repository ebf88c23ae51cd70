package org.ambiseg.io;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ambiseg.core.BadInputException;

/**
 * Walks a DICOM file's elements up to the pixel data without decoding pixels, checking that every
 * declared length fits in the file, and collects the top-level attributes the reader needs.
 *
 * <p>ImageJ's parser trusts element lengths: a damaged length makes it allocate gigabytes or loop
 * forever, so files are walked here first and handed to ImageJ only when their structure is sound.
 */
final class DicomScanner {

  private static final int PREAMBLE = 128;
  private static final int META_GROUP = 0x0002;
  private static final int PIXEL_DATA = 0x7FE00010;
  private static final int ITEM = 0xFFFEE000;
  private static final int ITEM_END = 0xFFFEE00D;
  private static final int SEQUENCE_END = 0xFFFEE0DD;
  private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
  private static final int MAX_DEPTH = 32;
  private static final String IMPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2";
  private static final String EXPLICIT_BIG_ENDIAN = "1.2.840.10008.1.2.2";

  /** Explicit VRs whose length is a 32-bit value after two reserved bytes. */
  private static final Set<String> LONG_VRS =
      Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");

  /** Attributes stored as unsigned 16-bit integers; the others we keep are text. */
  private static final Set<String> US_TAGS =
      Set.of(
          DicomHeader.SAMPLES_PER_PIXEL,
          DicomHeader.ROWS,
          DicomHeader.COLUMNS,
          DicomHeader.BITS_ALLOCATED,
          DicomHeader.PIXEL_REPRESENTATION);

  private static final Set<String> KEPT_TAGS =
      Set.of(
          DicomHeader.TRANSFER_SYNTAX,
          DicomHeader.SAMPLES_PER_PIXEL,
          DicomHeader.PHOTOMETRIC,
          DicomHeader.FRAMES,
          DicomHeader.ROWS,
          DicomHeader.COLUMNS,
          DicomHeader.PIXEL_SPACING,
          DicomHeader.BITS_ALLOCATED,
          DicomHeader.PIXEL_REPRESENTATION,
          DicomHeader.WINDOW_CENTER,
          DicomHeader.WINDOW_WIDTH,
          DicomHeader.RESCALE_INTERCEPT,
          DicomHeader.RESCALE_SLOPE);

  private final String name;
  private final byte[] b;
  private final Map<String, String> values = new HashMap<>();
  private boolean littleEndian = true;
  private boolean explicitVr = true;

  private DicomScanner(String name, byte[] bytes) {
    this.name = name;
    this.b = bytes;
  }

  /** The header of a DICOM Part 10 file ("DICM" at byte 128), or the reason it is unsound. */
  static DicomHeader scan(String name, byte[] bytes) throws BadInputException {
    return new DicomScanner(name, bytes).scan();
  }

  private DicomHeader scan() throws BadInputException {
    int pos = PREAMBLE + 4;
    while (pos + 8 <= b.length && u16(pos) == META_GROUP) {
      pos = element(pos, 0);
    }
    String syntax = values.getOrDefault(DicomHeader.TRANSFER_SYNTAX, IMPLICIT_LITTLE_ENDIAN);
    explicitVr = !IMPLICIT_LITTLE_ENDIAN.equals(syntax);
    littleEndian = !EXPLICIT_BIG_ENDIAN.equals(syntax);
    while (pos + 8 <= b.length) {
      if (tag(pos) == PIXEL_DATA) {
        int header = headerLength(pos);
        long length = length(pos);
        long offset = (long) pos + header;
        return new DicomHeader(values, offset, length == UNDEFINED_LENGTH ? -1 : length);
      }
      pos = element(pos, 0);
    }
    throw new BadInputException(
        name, "DICOM without an image: the file ends after " + b.length + " bytes, no pixel data");
  }

  /** Checks the element at {@code pos} and returns the position after it. */
  private int element(int pos, int depth) throws BadInputException {
    if (depth > MAX_DEPTH) {
      throw corrupt(pos, "sequences nested more than " + MAX_DEPTH + " deep");
    }
    int header = headerLength(pos);
    if (pos + header > b.length) {
      throw truncated(pos);
    }
    long length = length(pos);
    int start = pos + header;
    if (length == UNDEFINED_LENGTH) {
      return untilDelimiter(start, depth + 1);
    }
    if (length > b.length - start) {
      throw new BadInputException(
          name,
          "truncated or corrupt DICOM: element "
              + tagText(tag(pos))
              + " at byte "
              + pos
              + " declares "
              + length
              + " bytes, only "
              + (b.length - start)
              + " remain");
    }
    String key = tagText(tag(pos));
    if (depth == 0 && KEPT_TAGS.contains(key)) {
      values.putIfAbsent(key, value(key, start, (int) length));
    }
    return start + (int) length;
  }

  /** Walks the elements of an undefined-length sequence or item up to its delimiter. */
  private int untilDelimiter(int pos, int depth) throws BadInputException {
    while (pos + 8 <= b.length) {
      int tag = tag(pos);
      if (tag == ITEM_END || tag == SEQUENCE_END) {
        return pos + 8;
      }
      pos = element(pos, depth);
    }
    throw truncated(pos);
  }

  /** Bytes before the value: tag, (VR,) length. Items and delimiters never carry a VR. */
  private int headerLength(int pos) {
    if (!explicitVr || isItemTag(pos) || pos + 6 > b.length) {
      return 8;
    }
    return LONG_VRS.contains(vr(pos)) ? 12 : 8;
  }

  private long length(int pos) {
    if (!explicitVr || isItemTag(pos)) {
      return u32(pos + 4);
    }
    return LONG_VRS.contains(vr(pos)) ? u32(pos + 8) : u16(pos + 6);
  }

  private boolean isItemTag(int pos) {
    int tag = tag(pos);
    return tag == ITEM || tag == ITEM_END || tag == SEQUENCE_END;
  }

  private String vr(int pos) {
    return new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
  }

  private String value(String key, int start, int length) {
    if (US_TAGS.contains(key)) {
      return length >= 2 ? String.valueOf(u16(start)) : "";
    }
    String text = new String(b, start, length, StandardCharsets.ISO_8859_1);
    return text.replace("\0", "").trim();
  }

  private int tag(int pos) {
    return (u16(pos) << 16) | u16(pos + 2);
  }

  private int u16(int pos) {
    int lo = littleEndian ? b[pos] & 0xFF : b[pos + 1] & 0xFF;
    int hi = littleEndian ? b[pos + 1] & 0xFF : b[pos] & 0xFF;
    return (hi << 8) | lo;
  }

  private long u32(int pos) {
    long first = u16(pos);
    long second = u16(pos + 2);
    return littleEndian ? (second << 16) | first : (first << 16) | second;
  }

  private static String tagText(int tag) {
    return String.format("%04X,%04X", tag >>> 16, tag & 0xFFFF);
  }

  private BadInputException truncated(int pos) {
    return new BadInputException(
        name,
        "truncated DICOM: the header ends at byte " + b.length + " inside an element at " + pos);
  }

  private BadInputException corrupt(int pos, String what) {
    return new BadInputException(name, "corrupt DICOM at byte " + pos + ": " + what);
  }
}
