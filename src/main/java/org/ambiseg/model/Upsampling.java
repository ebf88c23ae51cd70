package org.ambiseg.model;

import ai.djl.ndarray.NDArray;

/** Bilinear 2-D resizing of NCHW maps (align_corners = false, as PyTorch's default). */
final class Upsampling {

  /** DJL's PyTorch engine maps interpolation mode 1 to bilinear. */
  private static final int BILINEAR = 1;

  private Upsampling() {}

  /** Resizes {@code x} to {@code height} x {@code width} bilinearly. */
  static NDArray bilinear(NDArray x, long height, long width) {
    return x.getNDArrayInternal().interpolation(new long[] {height, width}, BILINEAR, false);
  }
}
