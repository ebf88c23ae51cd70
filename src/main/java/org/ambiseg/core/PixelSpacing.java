package org.ambiseg.core;

/**
 * Physical size of one pixel in millimetres, used to report areas and diameters in mm.
 *
 * @param rowMm distance between pixel centres along a column (the y direction)
 * @param columnMm distance between pixel centres along a row (the x direction)
 */
public record PixelSpacing(double rowMm, double columnMm) {

  /** Validates that both spacings are finite and positive. */
  public PixelSpacing {
    if (!(rowMm > 0)
        || !(columnMm > 0)
        || Double.isInfinite(rowMm)
        || Double.isInfinite(columnMm)) {
      throw new IllegalArgumentException(
          "pixel spacing must be positive and finite, got " + rowMm + " x " + columnMm);
    }
  }
}
