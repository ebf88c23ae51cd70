package org.ambiseg.model;

import ai.djl.ndarray.NDArray;

/** 2-D resizing of NCHW maps: bilinear (align_corners = false, PyTorch's default) or nearest. */
final class Upsampling {

  /** DJL's PyTorch engine maps interpolation mode 0 to nearest and 1 to bilinear. */
  private static final int NEAREST = 0;

  private static final int BILINEAR = 1;

  private Upsampling() {}

  /** Resizes {@code x} to {@code height} x {@code width} bilinearly. */
  static NDArray bilinear(NDArray x, long height, long width) {
    return x.getNDArrayInternal().interpolation(new long[] {height, width}, BILINEAR, false);
  }

  /** Resizes {@code x} to {@code height} x {@code width} by nearest neighbour. */
  static NDArray nearest(NDArray x, long height, long width) {
    return x.getNDArrayInternal().interpolation(new long[] {height, width}, NEAREST, false);
  }
}
