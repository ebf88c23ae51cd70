package org.ambiseg.app.cases;

import org.ambiseg.core.Image2D;

/**
 * A region of interest: the rectangle of an image that is cut out and handed to the model, in
 * pixels, always inside its image.
 *
 * @param x first column
 * @param y first row
 * @param width columns
 * @param height rows
 */
public record Roi(int x, int y, int width, int height) {

  /** Checks that the rectangle is non-empty and starts inside the first quadrant. */
  public Roi {
    if (x < 0 || y < 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "a region needs x, y >= 0 and a positive size, got "
              + x
              + ","
              + y
              + " "
              + width
              + "x"
              + height);
    }
  }

  /**
   * The region of {@code size} x {@code size} pixels (less where the image is smaller) whose centre
   * pixel is the one under image coordinates ({@code cx}, {@code cy}), moved as little as needed to
   * lie inside an image of {@code imageWidth} x {@code imageHeight}.
   *
   * <p>The centre pixel of an even size s is the one at offset s / 2 (for 128: the 65th). So x =
   * clamp(floor(cx) - s / 2, 0, imageWidth - s), and the same for y.
   */
  public static Roi centredAt(double cx, double cy, int size, int imageWidth, int imageHeight) {
    if (size <= 0 || imageWidth <= 0 || imageHeight <= 0) {
      throw new IllegalArgumentException(
          "need a positive region and image size, got "
              + size
              + " in "
              + imageWidth
              + "x"
              + imageHeight);
    }
    int w = Math.min(size, imageWidth);
    int h = Math.min(size, imageHeight);
    int x = clamp((int) Math.floor(cx) - w / 2, imageWidth - w);
    int y = clamp((int) Math.floor(cy) - h / 2, imageHeight - h);
    return new Roi(x, y, w, h);
  }

  /** The region of {@code size} centred on the middle of the image. */
  public static Roi centred(int size, int imageWidth, int imageHeight) {
    return centredAt(imageWidth / 2.0, imageHeight / 2.0, size, imageWidth, imageHeight);
  }

  /**
   * True when an image of this size is larger than the model's {@code size} in either direction.
   */
  public static boolean needsSelection(int imageWidth, int imageHeight, int size) {
    return imageWidth > size || imageHeight > size;
  }

  /** The pixels of {@code image} inside this region (all channels, pixel spacing kept). */
  public Image2D crop(Image2D image) {
    if (x + width > image.width() || y + height > image.height()) {
      throw new IllegalArgumentException(
          this + " does not fit in a " + image.width() + "x" + image.height() + " image");
    }
    int c = image.channels();
    float[] out = new float[width * height * c];
    int i = 0;
    for (int ch = 0; ch < c; ch++) {
      for (int row = 0; row < height; row++) {
        for (int col = 0; col < width; col++) {
          out[i++] = image.value(x + col, y + row, ch);
        }
      }
    }
    Image2D cropped = Image2D.of(width, height, c, out);
    return image.spacing().map(cropped::withSpacing).orElse(cropped);
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(v, max));
  }
}
