package org.ambiseg.estimate;

/**
 * Smallest, largest and mean value of one uncertainty map, for legends and colour scales.
 *
 * @param min smallest pixel value
 * @param max largest pixel value
 * @param mean mean over all pixels
 */
public record MapSummary(double min, double max, double mean) {

  /** Summarises a map (at least one pixel). */
  static MapSummary of(float[] map) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (float v : map) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    return new MapSummary(min, max, sum / map.length);
  }
}
