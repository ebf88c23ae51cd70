package org.ambiseg.io;

import org.ambiseg.core.BadInputException;

/** Refuses images whose declared size is zero or over the pixel limit, before pixels are read. */
final class SizeCheck {

  /** Java arrays hold at most about 2^31 values, and an RGB image needs three per pixel. */
  static final long ARRAY_PIXEL_CAP = (Integer.MAX_VALUE - 8) / 3;

  private SizeCheck() {}

  /** Checks a declared size of {@code width x height} pixels times {@code frames}. */
  static void check(String name, long width, long height, long frames, long maxPixels)
      throws BadInputException {
    if (width <= 0 || height <= 0 || frames <= 0) {
      throw new BadInputException(
          name,
          "zero-size image ("
              + width
              + "x"
              + height
              + (frames == 1 ? "" : ", " + frames + " frames")
              + " pixels)");
    }
    long limit = Math.min(maxPixels, ARRAY_PIXEL_CAP);
    // width and height come from 32-bit header fields, so the product fits in a long
    if (width * height > limit / frames) {
      throw new BadInputException(
          name,
          "image too large: its header declares "
              + width
              + "x"
              + height
              + (frames == 1 ? "" : "x" + frames + " frames")
              + " pixels, over the limit of "
              + limit
              + " pixels (raise it with -D"
              + ReadOptions.MAX_PIXELS_PROPERTY
              + "=N)");
    }
  }
}
