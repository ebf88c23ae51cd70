package org.ambiseg.io;

import java.util.Optional;

/** The image file formats {@link ImageReader} recognises, detected from a file's first bytes. */
public enum ImageFormat {
  PNG,
  JPEG,
  TIFF,
  BMP,
  GIF,
  /** DICOM Part 10: a 128-byte preamble followed by "DICM". */
  DICOM;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** The format whose signature starts {@code bytes}, or empty when none matches. */
  public static Optional<ImageFormat> detect(byte[] bytes) {
    if (startsWith(bytes, 0, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (startsWith(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return Optional.of(JPEG);
    }
    if (startsWith(bytes, 0, new byte[] {'I', 'I', 42, 0})
        || startsWith(bytes, 0, new byte[] {'M', 'M', 0, 42})) {
      return Optional.of(TIFF);
    }
    if (startsWith(bytes, 0, new byte[] {'B', 'M'}) && bytes.length >= 26) {
      return Optional.of(BMP);
    }
    if (startsWith(bytes, 0, new byte[] {'G', 'I', 'F', '8'})) {
      return Optional.of(GIF);
    }
    if (startsWith(bytes, 128, new byte[] {'D', 'I', 'C', 'M'})) {
      return Optional.of(DICOM);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (bytes.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
