package org.ambiseg.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * An immutable 2-D image of float values in [0, 1], with one (grey) or three (RGB) channels stored
 * channel-planar (all of channel 0, then channel 1, ...), and an optional physical pixel spacing.
 */
public final class Image2D {

  private final int width;
  private final int height;
  private final int channels;
  private final float[] pixels;
  private final PixelSpacing spacing;

  private Image2D(int width, int height, int channels, float[] pixels, PixelSpacing spacing) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("an image has 1 or 3 channels, got " + channels);
    }
    long expected = (long) width * height * channels;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          "expected "
              + expected
              + " values for "
              + width
              + "x"
              + height
              + "x"
              + channels
              + ", got "
              + pixels.length);
    }
    for (int i = 0; i < pixels.length; i++) {
      float v = pixels[i];
      if (!(v >= 0f && v <= 1f)) {
        throw new IllegalArgumentException(
            "pixel value " + v + " at index " + i + " is outside [0, 1]");
      }
    }
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.pixels = pixels;
    this.spacing = spacing;
  }

  /** A single-channel image; the array is copied. */
  public static Image2D grey(int width, int height, float[] pixels) {
    return new Image2D(width, height, 1, pixels.clone(), null);
  }

  /** An image with the given channel count (channel-planar layout); the array is copied. */
  public static Image2D of(int width, int height, int channels, float[] pixels) {
    return new Image2D(width, height, channels, pixels.clone(), null);
  }

  /** The same pixels with a physical pixel spacing attached. */
  public Image2D withSpacing(PixelSpacing newSpacing) {
    return new Image2D(width, height, channels, pixels, newSpacing);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int channels() {
    return channels;
  }

  /** Pixel spacing in mm, when the source file recorded it. */
  public Optional<PixelSpacing> spacing() {
    return Optional.ofNullable(spacing);
  }

  /** Value of channel {@code c} at column {@code x}, row {@code y}. */
  public float value(int x, int y, int c) {
    return pixels[(c * height + y) * width + x];
  }

  /** Grey value at (x, y): the value itself for grey images, Rec. 709 luminance for RGB. */
  public float grey(int x, int y) {
    if (channels == 1) {
      return pixels[y * width + x];
    }
    return 0.2126f * value(x, y, 0) + 0.7152f * value(x, y, 1) + 0.0722f * value(x, y, 2);
  }

  /** This image as a single channel (luminance for RGB). */
  public Image2D toGrey() {
    if (channels == 1) {
      return this;
    }
    float[] out = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        out[y * width + x] = Math.min(1f, Math.max(0f, grey(x, y)));
      }
    }
    return new Image2D(width, height, 1, out, spacing);
  }

  /** A copy of the pixel values, channel-planar. */
  public float[] pixels() {
    return pixels.clone();
  }

  /** Copies the pixel values into {@code target} at {@code offset} without allocating. */
  public void copyPixelsTo(float[] target, int offset) {
    System.arraycopy(pixels, 0, target, offset, pixels.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Image2D other
        && width == other.width
        && height == other.height
        && channels == other.channels
        && Arrays.equals(pixels, other.pixels)
        && java.util.Objects.equals(spacing, other.spacing);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(pixels);
  }

  @Override
  public String toString() {
    return "Image2D[" + width + "x" + height + "x" + channels + "]";
  }
}
