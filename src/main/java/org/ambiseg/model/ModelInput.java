package org.ambiseg.model;

import org.ambiseg.core.Image2D;

/**
 * Turns an image into a model's input values: grey when the model takes one channel, checked
 * against the model's channel count and size divisor, normalised as the model was trained.
 */
final class ModelInput {

  private ModelInput() {}

  /** The normalised input values (channel-planar) of {@code image} for a model. */
  static float[] prepare(
      Image2D image, int channels, int sizeDivisor, Normalization normalization) {
    Image2D input = channels == 1 ? image.toGrey() : image;
    if (input.channels() != channels) {
      throw new IllegalArgumentException(
          "the model expects " + channels + " channels, the image has " + input.channels());
    }
    if (image.width() % sizeDivisor != 0 || image.height() % sizeDivisor != 0) {
      throw new IllegalArgumentException(
          "image size "
              + image.width()
              + "x"
              + image.height()
              + " must be a multiple of "
              + sizeDivisor
              + " for this model");
    }
    float[] pixels = input.pixels();
    normalization.applyInPlace(pixels);
    return pixels;
  }
}
