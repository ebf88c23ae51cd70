package org.ambiseg.estimate.tta;

import org.ambiseg.core.Image2D;

/**
 * One test-time augmentation: a {@link GeometricTransform} and an {@link IntensityJitter}. The
 * model sees {@link #apply}'s image; its prediction is mapped back to the original grid with the
 * exact inverse of the geometry (the intensity change needs no inverse).
 */
public record TtaTransform(GeometricTransform geometry, IntensityJitter intensity) {

  /** The un-augmented image. */
  public static final TtaTransform IDENTITY =
      new TtaTransform(GeometricTransform.IDENTITY, IntensityJitter.IDENTITY);

  /** The pixel mapping of the geometry on the image's grid. */
  public PixelMapping mapping(Image2D image) {
    return geometry.on(image.width(), image.height());
  }

  /** The augmented image: every channel plane moved by {@code mapping}, then jittered. */
  public Image2D apply(Image2D image, PixelMapping mapping) {
    int plane = image.width() * image.height();
    float[] all = image.pixels();
    float[] out = new float[all.length];
    float[] one = new float[plane];
    for (int c = 0; c < image.channels(); c++) {
      System.arraycopy(all, c * plane, one, 0, plane);
      System.arraycopy(mapping.apply(one), 0, out, c * plane, plane);
    }
    intensity.applyInPlace(out);
    return Image2D.of(mapping.width(), mapping.height(), image.channels(), out);
  }
}
