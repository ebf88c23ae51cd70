package org.ambiseg.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.PixelSpacing;

/**
 * Measures the foreground of a binary mask as a radiologist would: area and longest diameter
 * ({@link LesionMeasure}), in mm when the pixel spacing is known.
 *
 * <p>Area = foreground pixel count × rowMm × columnMm. Longest diameter = max over foreground pixel
 * centres p, q of sqrt(((px - qx) columnMm)² + ((py - qy) rowMm)²) (spacing 1 × 1 for pixels). It
 * is computed exactly: the farthest pair of a point set lies on its convex hull, and the hull of
 * all foreground centres is the hull of each row's leftmost and rightmost centre (at most 2 ×
 * height points); the hull (monotone chain, integer arithmetic) is then searched pair by pair.
 * Scaling x and y maps the hull onto the hull of the scaled points, so anisotropic spacing is exact
 * too.
 */
public final class LesionMeasures {

  private LesionMeasures() {}

  /** Measures a binary mask (any non-zero label is foreground). */
  public static LesionMeasure of(LabelMask mask, Optional<PixelSpacing> spacing) {
    return of(mask.foreground(), mask.width(), mask.height(), spacing);
  }

  /**
   * Measures the foreground flags {@code foreground} (row-major, {@code width × height}), scaled by
   * {@code spacing} when present.
   */
  public static LesionMeasure of(
      boolean[] foreground, int width, int height, Optional<PixelSpacing> spacing) {
    if (width <= 0 || height <= 0 || foreground.length != width * height) {
      throw new IllegalArgumentException(
          "expected " + width + "x" + height + " flags, got " + foreground.length);
    }
    double columnMm = spacing.map(PixelSpacing::columnMm).orElse(1.0);
    double rowMm = spacing.map(PixelSpacing::rowMm).orElse(1.0);
    int pixels = 0;
    List<int[]> extremes = new ArrayList<>();
    for (int y = 0; y < height; y++) {
      int first = -1;
      int last = -1;
      int row = y * width;
      for (int x = 0; x < width; x++) {
        if (foreground[row + x]) {
          pixels++;
          if (first < 0) {
            first = x;
          }
          last = x;
        }
      }
      if (first >= 0) {
        extremes.add(new int[] {first, y});
        if (last != first) {
          extremes.add(new int[] {last, y});
        }
      }
    }
    double diameter = longestDistance(ConvexHull.of(extremes), columnMm, rowMm);
    return new LesionMeasure(pixels, pixels * rowMm * columnMm, diameter, spacing.isPresent());
  }

  /** Largest scaled distance between two of {@code points}; 0 for fewer than two. */
  private static double longestDistance(List<int[]> points, double sx, double sy) {
    double best = 0;
    for (int i = 0; i < points.size(); i++) {
      int[] p = points.get(i);
      for (int j = i + 1; j < points.size(); j++) {
        int[] q = points.get(j);
        double dx = (p[0] - q[0]) * sx;
        double dy = (p[1] - q[1]) * sy;
        best = Math.max(best, dx * dx + dy * dy);
      }
    }
    return Math.sqrt(best);
  }
}
