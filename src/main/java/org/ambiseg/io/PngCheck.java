package org.ambiseg.io;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.ambiseg.core.BadInputException;

/**
 * Checks a PNG's structure before it is decoded: the IHDR header (size within the pixel limit), and
 * that every chunk is complete, has a correct CRC and that the file ends with IEND.
 *
 * <p>This turns truncated or damaged files into one clear message instead of a decoder error, and
 * refuses huge images from their 33-byte header without allocating pixel memory.
 */
final class PngCheck {

  private static final int SIGNATURE_LENGTH = 8;
  private static final int IHDR_END = SIGNATURE_LENGTH + 8 + 13 + 4;

  private PngCheck() {}

  /** Validates {@code bytes}, which start with the PNG signature. */
  static void check(String name, byte[] bytes, long maxPixels) throws BadInputException {
    if (bytes.length < IHDR_END) {
      throw new BadInputException(
          name, "truncated PNG: " + bytes.length + " bytes, too short for the IHDR header");
    }
    if (readInt(bytes, 8) != 13 || !"IHDR".equals(chunkType(bytes, 12))) {
      throw new BadInputException(name, "corrupt PNG: the first chunk is not a 13-byte IHDR");
    }
    if (!crcMatches(bytes, 8, 13)) {
      throw new BadInputException(name, "corrupt PNG: the IHDR header fails its CRC check");
    }
    long width = readInt(bytes, 16);
    long height = readInt(bytes, 20);
    SizeCheck.check(name, width, height, 1, maxPixels);
    checkChunks(name, bytes);
  }

  private static void checkChunks(String name, byte[] bytes) throws BadInputException {
    int offset = IHDR_END;
    boolean sawData = false;
    while (offset + 12 <= bytes.length) {
      long length = readInt(bytes, offset);
      String type = chunkType(bytes, offset + 4);
      if (length > bytes.length - offset - 12L) {
        throw new BadInputException(
            name,
            "truncated PNG: the file ends inside the "
                + type
                + " chunk at byte "
                + offset
                + " (needs "
                + (offset + 12 + length)
                + " bytes, has "
                + bytes.length
                + ")");
      }
      if (!crcMatches(bytes, offset, (int) length)) {
        throw new BadInputException(
            name, "corrupt PNG: the " + type + " chunk at byte " + offset + " fails its CRC check");
      }
      sawData |= "IDAT".equals(type);
      if ("IEND".equals(type)) {
        if (!sawData) {
          throw new BadInputException(name, "corrupt PNG: no image data (IDAT chunk)");
        }
        return;
      }
      offset += 12 + (int) length;
    }
    throw new BadInputException(
        name, "truncated PNG: no IEND chunk, the file ends after " + bytes.length + " bytes");
  }

  /** True when the CRC stored after the chunk at {@code offset} matches its type and data. */
  private static boolean crcMatches(byte[] bytes, int offset, int dataLength) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset + 4, 4 + dataLength);
    return crc.getValue() == readInt(bytes, offset + 8 + dataLength);
  }

  /** The 4-letter chunk type; bytes that are not ASCII letters show as '?' (damaged files). */
  private static String chunkType(byte[] bytes, int offset) {
    String type = new String(bytes, offset, 4, StandardCharsets.ISO_8859_1);
    return type.replaceAll("[^A-Za-z]", "?");
  }

  /** A big-endian unsigned 32-bit value. */
  private static long readInt(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFFL) << 24)
        | ((bytes[offset + 1] & 0xFFL) << 16)
        | ((bytes[offset + 2] & 0xFFL) << 8)
        | (bytes[offset + 3] & 0xFFL);
  }
}
