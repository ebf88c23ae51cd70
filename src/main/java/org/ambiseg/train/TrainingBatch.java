package org.ambiseg.train;

/**
 * One mini-batch in plain arrays: images (B x C x H x W, NCHW float), the chosen rater mask of each
 * image (B x H x W class indices) and the standard-normal noise for the reparameterisation (B x L).
 * Built on the training thread from the step's own random stream, so a resumed run sees the same
 * batches.
 */
public record TrainingBatch(
    int size, int channels, int height, int width, float[] images, byte[] masks, float[] noise) {

  /** Validates the array lengths against the sizes. */
  public TrainingBatch {
    if (images.length != size * channels * height * width) {
      throw new IllegalArgumentException("images has " + images.length + " values");
    }
    if (masks.length != size * height * width) {
      throw new IllegalArgumentException("masks has " + masks.length + " values");
    }
  }

  /** The masks as a one-hot float array B x K x H x W. */
  public float[] oneHot(int classes) {
    int plane = height * width;
    float[] out = new float[size * classes * plane];
    for (int b = 0; b < size; b++) {
      for (int p = 0; p < plane; p++) {
        int k = masks[b * plane + p] & 0xFF;
        if (k >= classes) {
          throw new IllegalArgumentException("mask class " + k + " >= " + classes + " classes");
        }
        out[(b * classes + k) * plane + p] = 1f;
      }
    }
    return out;
  }
}
