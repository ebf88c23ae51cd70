package org.ambiseg.train;

import java.util.SplittableRandom;

/**
 * Geometric data augmentation applied identically to an image and its mask: a random horizontal
 * flip, a random multiple of 90-degree rotation (square images only) and a random shift of up to
 * {@code maxShift} pixels, with edge pixels replicated into the uncovered border.
 */
public final class Augmentation {

  private final boolean enabled;
  private final int maxShift;

  /** Augmentation on or off, with the largest shift in pixels. */
  public Augmentation(boolean enabled, int maxShift) {
    this.enabled = enabled;
    this.maxShift = maxShift;
  }

  /**
   * Writes the transformed image and mask (each width x height) into the output arrays at the given
   * offsets, drawing the transform from {@code random}.
   */
  public void apply(
      float[] image,
      byte[] mask,
      int width,
      int height,
      SplittableRandom random,
      float[] imageOut,
      int imageOffset,
      byte[] maskOut,
      int maskOffset) {
    apply(
        image,
        new byte[][] {mask},
        width,
        height,
        random,
        imageOut,
        imageOffset,
        maskOut,
        new int[] {maskOffset});
  }

  /**
   * As above for several masks of the same image (e.g. all raters), all transformed like the image
   * with one transform drawn from {@code random}: mask i goes to {@code maskOffsets[i]}.
   */
  public void apply(
      float[] image,
      byte[][] masks,
      int width,
      int height,
      SplittableRandom random,
      float[] imageOut,
      int imageOffset,
      byte[] maskOut,
      int[] maskOffsets) {
    boolean flip = enabled && random.nextBoolean();
    int rotations = enabled && width == height ? random.nextInt(4) : 0;
    int dx = enabled && maxShift > 0 ? random.nextInt(2 * maxShift + 1) - maxShift : 0;
    int dy = enabled && maxShift > 0 ? random.nextInt(2 * maxShift + 1) - maxShift : 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        // source pixel of output (x, y): undo shift, then rotation, then flip
        int sx = clamp(x - dx, width);
        int sy = clamp(y - dy, height);
        for (int r = 0; r < rotations; r++) {
          int t = sx;
          sx = sy;
          sy = width - 1 - t;
        }
        if (flip) {
          sx = width - 1 - sx;
        }
        int src = sy * width + sx;
        imageOut[imageOffset + y * width + x] = image[src];
        for (int i = 0; i < masks.length; i++) {
          maskOut[maskOffsets[i] + y * width + x] = masks[i][src];
        }
      }
    }
  }

  private static int clamp(int v, int size) {
    return v < 0 ? 0 : (v >= size ? size - 1 : v);
  }
}
