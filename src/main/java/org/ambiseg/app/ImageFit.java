package org.ambiseg.app;

import javafx.geometry.Rectangle2D;

/**
 * Where an image is drawn in an area: as large as fits inside the area less a margin, aspect ratio
 * kept, centred. With s = min((W - 2m) / w, (H - 2m) / h) the image covers s w by s h pixels.
 */
public final class ImageFit {

  private ImageFit() {}

  /**
   * The rectangle, in area coordinates, that an image of {@code imageWidth} x {@code imageHeight}
   * pixels covers when fitted into an area of {@code areaWidth} x {@code areaHeight} with {@code
   * margin} pixels free on every side; empty (zero size) when the area is too small.
   */
  public static Rectangle2D fit(
      double imageWidth, double imageHeight, double areaWidth, double areaHeight, double margin) {
    double freeW = areaWidth - 2 * margin;
    double freeH = areaHeight - 2 * margin;
    if (imageWidth <= 0 || imageHeight <= 0 || freeW <= 0 || freeH <= 0) {
      return new Rectangle2D(0, 0, 0, 0);
    }
    double scale = Math.min(freeW / imageWidth, freeH / imageHeight);
    double w = imageWidth * scale;
    double h = imageHeight * scale;
    return new Rectangle2D((areaWidth - w) / 2, (areaHeight - h) / 2, w, h);
  }
}
