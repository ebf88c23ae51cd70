package org.ambiseg.metrics;

/**
 * Size of the foreground of one binary mask: its area and its longest diameter, in millimetres when
 * the pixel spacing was known, else in pixels.
 *
 * <p>Convention for an empty mask: pixel count 0, area 0, diameter 0, and {@link #isEmpty()} true;
 * distributions over many masks leave empty ones out of their statistics and count them instead
 * (see {@link MeasureDistribution}).
 *
 * @param pixels number of foreground pixels
 * @param area foreground area: {@code pixels} in px, or {@code pixels * rowMm * columnMm} in mm²
 * @param diameter largest Euclidean distance between two foreground pixel centres, in px or mm (0
 *     for a single pixel)
 * @param calibrated true when {@code area} is in mm² and {@code diameter} in mm
 */
public record LesionMeasure(int pixels, double area, double diameter, boolean calibrated) {

  /** True when the mask has no foreground pixel. */
  public boolean isEmpty() {
    return pixels == 0;
  }
}
