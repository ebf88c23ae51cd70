package org.ambiseg.estimate.tta;

/**
 * The pixel mapping of one {@link GeometricTransform} on one image size: output pixel j shows
 * source pixel {@code source[j]}; {@code inside[j]} is false where the pixel was shifted in from
 * outside the frame (its value is then only edge padding). Restricted to the inside pixels the
 * mapping is one-to-one, so {@link #restore} inverts it exactly.
 */
public final class PixelMapping {

  private final int sourceWidth;
  private final int sourceHeight;
  private final int width;
  private final int height;
  private final int[] source;
  private final boolean[] inside;

  PixelMapping(
      int sourceWidth, int sourceHeight, int width, int height, int[] source, boolean[] inside) {
    this.sourceWidth = sourceWidth;
    this.sourceHeight = sourceHeight;
    this.width = width;
    this.height = height;
    this.source = source;
    this.inside = inside;
  }

  /** Width of the transformed grid (the source height after an odd number of quarter turns). */
  public int width() {
    return width;
  }

  /** Height of the transformed grid. */
  public int height() {
    return height;
  }

  /** A source plane (sourceWidth x sourceHeight, row-major) moved to the transformed grid. */
  public float[] apply(float[] plane) {
    if (plane.length != sourceWidth * sourceHeight) {
      throw new IllegalArgumentException(
          "plane has " + plane.length + " values, expected " + sourceWidth * sourceHeight);
    }
    float[] out = new float[source.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = plane[source[j]];
    }
    return out;
  }

  /** A map on the transformed grid moved back to the source grid, with the pixels it covers. */
  public Restored restore(float[] transformed) {
    if (transformed.length != source.length) {
      throw new IllegalArgumentException(
          "map has " + transformed.length + " values, expected " + source.length);
    }
    float[] values = new float[sourceWidth * sourceHeight];
    boolean[] valid = new boolean[values.length];
    for (int j = 0; j < transformed.length; j++) {
      if (inside[j]) {
        values[source[j]] = transformed[j];
        valid[source[j]] = true;
      }
    }
    return new Restored(values, valid);
  }

  /**
   * A map back on the source grid: {@code values[i]} is meaningful only where {@code valid[i]} (the
   * source pixel was still inside the frame after the shift); elsewhere it is 0.
   */
  public record Restored(float[] values, boolean[] valid) {}
}
