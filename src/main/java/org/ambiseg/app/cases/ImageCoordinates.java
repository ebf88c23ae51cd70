package org.ambiseg.app.cases;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Converts between the coordinates of a view that draws an image into {@code bounds} (as {@link
 * org.ambiseg.app.ImageCanvas} reports them) and the image's pixel coordinates: pixel column x
 * covers view x from {@code minX + x * s} to {@code minX + (x + 1) * s} with s = bounds width /
 * image width (and the same for rows).
 */
public final class ImageCoordinates {

  private ImageCoordinates() {}

  /** The image coordinates under view point ({@code vx}, {@code vy}); may lie outside the image. */
  public static Point2D toImage(
      Rectangle2D bounds, int imageWidth, int imageHeight, double vx, double vy) {
    return new Point2D(
        (vx - bounds.getMinX()) * imageWidth / bounds.getWidth(),
        (vy - bounds.getMinY()) * imageHeight / bounds.getHeight());
  }

  /** The view rectangle that region {@code roi} of the image covers. */
  public static Rectangle2D toView(Rectangle2D bounds, int imageWidth, int imageHeight, Roi roi) {
    double sx = bounds.getWidth() / imageWidth;
    double sy = bounds.getHeight() / imageHeight;
    return new Rectangle2D(
        bounds.getMinX() + roi.x() * sx,
        bounds.getMinY() + roi.y() * sy,
        roi.width() * sx,
        roi.height() * sy);
  }
}
