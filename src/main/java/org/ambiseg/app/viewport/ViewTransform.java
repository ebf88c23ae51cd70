package org.ambiseg.app.viewport;

import javafx.geometry.Rectangle2D;

/**
 * The mapping between image and screen coordinates of one view: screen = origin + scale &middot;
 * image, per axis. Image coordinates are continuous: pixel (i, j) covers [i, i + 1) &times; [j, j +
 * 1).
 *
 * @param scale screen pixels per image pixel (0 when nothing can be shown)
 * @param originX screen x of the image's left edge
 * @param originY screen y of the image's top edge
 */
public record ViewTransform(double scale, double originX, double originY) {

  /**
   * The transform of a view showing {@code state}: the image point (u w, v h) lands on the view's
   * centre (W / 2, H / 2) and the scale is the fitted scale times the zoom.
   */
  public static ViewTransform of(ViewState state, ViewGeometry view) {
    double scale = view.fitScale() * state.zoom();
    double originX = view.viewWidth() / 2 - state.centreU() * view.imageWidth() * scale;
    double originY = view.viewHeight() / 2 - state.centreV() * view.imageHeight() * scale;
    return new ViewTransform(scale, originX, originY);
  }

  /** Continuous image x under screen x. */
  public double toImageX(double screenX) {
    return (screenX - originX) / scale;
  }

  /** Continuous image y under screen y. */
  public double toImageY(double screenY) {
    return (screenY - originY) / scale;
  }

  /** Screen x of continuous image x. */
  public double toScreenX(double imageX) {
    return originX + imageX * scale;
  }

  /** Screen y of continuous image y. */
  public double toScreenY(double imageY) {
    return originY + imageY * scale;
  }

  /** Where the whole image of {@code width} x {@code height} pixels lands on screen. */
  public Rectangle2D imageBounds(double width, double height) {
    return new Rectangle2D(originX, originY, width * scale, height * scale);
  }
}
