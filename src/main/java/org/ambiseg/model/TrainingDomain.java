package org.ambiseg.model;

import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.Image2D;

/**
 * The images a model was trained on, recorded in model.json: size, channels, intensity statistics
 * and modality. Used to warn when an image is far outside it (the model's output is then
 * unreliable) and to match datasets to models.
 *
 * @param width training image width
 * @param height training image height
 * @param channels training image channels
 * @param intensityMean mean pixel value in [0, 1] over the training images
 * @param intensityStd standard deviation of the pixel values
 * @param modality e.g. "CT (LIDC-IDRI crops)" or "synthetic"
 */
public record TrainingDomain(
    int width, int height, int channels, float intensityMean, float intensityStd, String modality) {

  /** Reasons why {@code image} is far outside this domain (empty when it is inside). */
  public List<String> warningsFor(Image2D image) {
    List<String> out = new ArrayList<>();
    if (image.width() != width || image.height() != height) {
      out.add(
          "the image is "
              + image.width()
              + "x"
              + image.height()
              + " but the model was trained on "
              + width
              + "x"
              + height);
    }
    float[] px = image.toGrey().pixels();
    double sum = 0;
    for (float v : px) {
      sum += v;
    }
    double mean = sum / px.length;
    double z = Math.abs(mean - intensityMean) / Math.max(intensityStd, 1e-6);
    if (z > 2.5) {
      out.add(
          String.format(
              "the image's mean intensity %.2f is %.1f standard deviations from the training data's %.2f",
              mean, z, intensityMean));
    }
    return out;
  }
}
