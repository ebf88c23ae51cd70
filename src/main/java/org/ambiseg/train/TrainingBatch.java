package org.ambiseg.train;

import org.ambiseg.model.OneHotMasks;

/**
 * One mini-batch in plain arrays: images (B x C x H x W, NCHW float), the chosen rater mask of each
 * image (B x H x W class indices), the standard-normal noise for the reparameterisation (B x L) and
 * uniform noise in (0, 1) for models that need it (B x U, e.g. Gumbel pixel selection; may be
 * empty). Models trained on all raters at once (MoSE) also get every rater's mask of each image,
 * transformed like the image: B x R x H x W with R the largest rater count and {@code raterCounts}
 * giving each image's count (unused slots are zero); both arrays are empty otherwise. Built on the
 * training thread from the step's own random stream, so a resumed run sees the same batches.
 */
public record TrainingBatch(
    int size,
    int channels,
    int height,
    int width,
    float[] images,
    byte[] masks,
    float[] noise,
    float[] uniforms,
    byte[] raterMasks,
    int[] raterCounts) {

  /** Validates the array lengths against the sizes. */
  public TrainingBatch {
    if (images.length != size * channels * height * width) {
      throw new IllegalArgumentException("images has " + images.length + " values");
    }
    if (masks.length != size * height * width) {
      throw new IllegalArgumentException("masks has " + masks.length + " values");
    }
    if (raterCounts.length != 0 && raterCounts.length != size) {
      throw new IllegalArgumentException("raterCounts has " + raterCounts.length + " values");
    }
    if (raterCounts.length == 0 ? raterMasks.length != 0 : raterMasks.length % masks.length != 0) {
      throw new IllegalArgumentException("raterMasks has " + raterMasks.length + " values");
    }
  }

  /** A batch with one rater mask per image. */
  public TrainingBatch(
      int size,
      int channels,
      int height,
      int width,
      float[] images,
      byte[] masks,
      float[] noise,
      float[] uniforms) {
    this(size, channels, height, width, images, masks, noise, uniforms, new byte[0], new int[0]);
  }

  /** A batch without uniform noise. */
  public TrainingBatch(
      int size, int channels, int height, int width, float[] images, byte[] masks, float[] noise) {
    this(size, channels, height, width, images, masks, noise, new float[0]);
  }

  /** True when the batch carries every rater's mask ({@link #raterMasks}). */
  public boolean hasAllRaters() {
    return raterCounts.length == size;
  }

  /** Rater slots per image in {@link #raterMasks} (the largest rater count; 0 when absent). */
  public int raterSlots() {
    return raterMasks.length / masks.length;
  }

  /** The masks as a one-hot float array B x K x H x W. */
  public float[] oneHot(int classes) {
    return OneHotMasks.encode(masks, size, height * width, classes);
  }
}
