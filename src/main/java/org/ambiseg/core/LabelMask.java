package org.ambiseg.core;

import java.util.Arrays;

/**
 * An immutable class-index map (0 = background; for binary masks 1 = foreground), one byte per
 * pixel, row-major.
 */
public final class LabelMask {

  private final int width;
  private final int height;
  private final byte[] labels;

  private LabelMask(int width, int height, byte[] labels) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("mask size must be positive, got " + width + "x" + height);
    }
    if (labels.length != width * height) {
      throw new IllegalArgumentException(
          "expected "
              + (width * height)
              + " labels for "
              + width
              + "x"
              + height
              + ", got "
              + labels.length);
    }
    this.width = width;
    this.height = height;
    this.labels = labels;
  }

  /** A mask from class indices 0..255 (copied). */
  public static LabelMask of(int width, int height, byte[] labels) {
    return new LabelMask(width, height, labels.clone());
  }

  /** A binary mask: true = foreground (label 1). */
  public static LabelMask binary(int width, int height, boolean[] foreground) {
    if (foreground.length != width * height) {
      throw new IllegalArgumentException(
          "expected " + (width * height) + " values, got " + foreground.length);
    }
    byte[] labels = new byte[foreground.length];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = foreground[i] ? (byte) 1 : 0;
    }
    return new LabelMask(width, height, labels);
  }

  /** An all-background mask. */
  public static LabelMask empty(int width, int height) {
    return new LabelMask(width, height, new byte[width * height]);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Class index at column x, row y. */
  public int label(int x, int y) {
    return labels[y * width + x] & 0xFF;
  }

  /** A copy of the class indices, row-major. */
  public byte[] labels() {
    return labels.clone();
  }

  /** Foreground flags (any non-zero class), row-major. */
  public boolean[] foreground() {
    boolean[] out = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = labels[i] != 0;
    }
    return out;
  }

  /** Number of foreground (non-zero) pixels. */
  public int foregroundCount() {
    int n = 0;
    for (byte b : labels) {
      if (b != 0) {
        n++;
      }
    }
    return n;
  }

  /** True when no pixel is foreground. */
  public boolean isEmpty() {
    for (byte b : labels) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Largest class index present. */
  public int maxLabel() {
    int max = 0;
    for (byte b : labels) {
      max = Math.max(max, b & 0xFF);
    }
    return max;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMask other
        && width == other.width
        && height == other.height
        && Arrays.equals(labels, other.labels);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return "LabelMask[" + width + "x" + height + ", fg=" + foregroundCount() + "]";
  }
}
