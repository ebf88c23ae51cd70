package org.ambiseg.model;

/**
 * Class-index masks as the one-hot input of a posterior net: B masks of H x W class indices become
 * a B x K x H x W float array with a 1 in the plane of each pixel's class. Shared by training
 * batches and by inference paths that feed a rater's mask to the posterior.
 */
public final class OneHotMasks {

  private OneHotMasks() {}

  /**
   * One-hot encodes {@code count} masks of {@code plane} pixels each, laid out one after the other
   * in {@code labels}; a class index of {@code classes} or more is refused.
   */
  public static float[] encode(byte[] labels, int count, int plane, int classes) {
    if (labels.length != count * plane) {
      throw new IllegalArgumentException(
          labels.length + " labels for " + count + " masks of " + plane + " pixels");
    }
    float[] out = new float[count * classes * plane];
    for (int b = 0; b < count; b++) {
      for (int p = 0; p < plane; p++) {
        int k = labels[b * plane + p] & 0xFF;
        if (k >= classes) {
          throw new IllegalArgumentException("mask class " + k + " >= " + classes + " classes");
        }
        out[(b * classes + k) * plane + p] = 1f;
      }
    }
    return out;
  }
}
