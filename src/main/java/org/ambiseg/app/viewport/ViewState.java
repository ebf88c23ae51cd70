package org.ambiseg.app.viewport;

/**
 * What part of an image the views show: a zoom factor relative to "fit" and the image point shown
 * at the centre of every view, in normalised image coordinates (u = x / width, v = y / height, so
 * (0.5, 0.5) is the image centre). Normalised coordinates keep views of different sizes, and images
 * of different resolutions over the same field of view, aligned. Immutable; the operations return
 * new states.
 *
 * @param zoom screen pixels per image pixel divided by the fitted scale; 1 is "fit", in [{@link
 *     #MIN_ZOOM}, {@link #MAX_ZOOM}]
 * @param centreU horizontal image position at the view's centre, in [0, 1]
 * @param centreV vertical image position at the view's centre, in [0, 1]
 */
public record ViewState(double zoom, double centreU, double centreV) {

  /** Smallest zoom: the whole image fitted into the view. */
  public static final double MIN_ZOOM = 1;

  /** Largest zoom: 64 times the fitted size. */
  public static final double MAX_ZOOM = 64;

  /** The whole image fitted and centred. */
  public static final ViewState FIT = new ViewState(1, 0.5, 0.5);

  /** Checks the ranges. */
  public ViewState {
    if (!(zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
      throw new IllegalArgumentException("zoom " + zoom + " outside 1..64");
    }
    if (!(centreU >= 0 && centreU <= 1 && centreV >= 0 && centreV <= 1)) {
      throw new IllegalArgumentException("centre (" + centreU + ", " + centreV + ") outside 0..1");
    }
  }

  /**
   * Multiplies the zoom by {@code factor} (clamped to the zoom range) keeping the image point under
   * the screen point ({@code screenX}, {@code screenY}) of a view with geometry {@code view} where
   * it is, as far as the centre's range allows.
   */
  public ViewState zoomAround(double screenX, double screenY, double factor, ViewGeometry view) {
    ViewTransform before = ViewTransform.of(this, view);
    double x = before.toImageX(screenX);
    double y = before.toImageY(screenY);
    double newZoom = clamp(zoom * factor, MIN_ZOOM, MAX_ZOOM);
    double scale = view.fitScale() * newZoom;
    // keep (x, y) under the cursor: x = cu * w + (screenX - W / 2) / scale
    double u = (x - (screenX - view.viewWidth() / 2) / scale) / view.imageWidth();
    double v = (y - (screenY - view.viewHeight() / 2) / scale) / view.imageHeight();
    return new ViewState(newZoom, clamp(u, 0, 1), clamp(v, 0, 1));
  }

  /**
   * Moves the image by ({@code dx}, {@code dy}) screen pixels in a view with geometry {@code view}
   * (dragging right moves the image right, so the centre moves left); the centre stays inside the
   * image.
   */
  public ViewState panBy(double dx, double dy, ViewGeometry view) {
    double scale = view.fitScale() * zoom;
    double u = centreU - dx / (scale * view.imageWidth());
    double v = centreV - dy / (scale * view.imageHeight());
    return new ViewState(zoom, clamp(u, 0, 1), clamp(v, 0, 1));
  }

  private static double clamp(double value, double lo, double hi) {
    return Math.max(lo, Math.min(hi, value));
  }
}
