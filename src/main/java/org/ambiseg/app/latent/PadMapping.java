package org.ambiseg.app.latent;

/**
 * Maps between a point on the square 2-D latent pad and two latent offsets in prior standard
 * deviations: the pad's left edge is -range and its right edge +range on the first dimension; its
 * bottom edge is -range and its top edge +range on the second (up is positive). Points outside the
 * pad are clamped to its edges.
 */
public final class PadMapping {

  private PadMapping() {}

  /** The offset for a horizontal position {@code x} on a pad {@code width} wide. */
  public static double offsetFromX(double x, double width, double range) {
    return clamp((x / width) * 2 * range - range, range);
  }

  /** The offset for a vertical position {@code y} on a pad {@code height} high (up positive). */
  public static double offsetFromY(double y, double height, double range) {
    return clamp(range - (y / height) * 2 * range, range);
  }

  /** The horizontal position of {@code offset}. */
  public static double xFromOffset(double offset, double width, double range) {
    return (clamp(offset, range) + range) / (2 * range) * width;
  }

  /** The vertical position of {@code offset}. */
  public static double yFromOffset(double offset, double height, double range) {
    return (range - clamp(offset, range)) / (2 * range) * height;
  }

  private static double clamp(double v, double range) {
    return Math.max(-range, Math.min(range, v));
  }
}
