package org.ambiseg.app.viewport;

/**
 * The sizes one view works with: the image's size in pixels, the view's size in screen pixels and
 * the margin kept free around the fitted image. The fitted scale is s = min((W - 2m) / w, (H - 2m)
 * / h), as in {@link org.ambiseg.app.ImageFit}.
 *
 * @param imageWidth image width in pixels (positive)
 * @param imageHeight image height in pixels (positive)
 * @param viewWidth view width in screen pixels
 * @param viewHeight view height in screen pixels
 * @param margin free screen pixels around the fitted image
 */
public record ViewGeometry(
    double imageWidth, double imageHeight, double viewWidth, double viewHeight, double margin) {

  /** Checks that the image has a size. */
  public ViewGeometry {
    if (!(imageWidth > 0 && imageHeight > 0)) {
      throw new IllegalArgumentException("image size " + imageWidth + "x" + imageHeight);
    }
  }

  /** Screen pixels per image pixel at zoom 1; 0 when the view is too small to show anything. */
  public double fitScale() {
    double freeW = viewWidth - 2 * margin;
    double freeH = viewHeight - 2 * margin;
    if (freeW <= 0 || freeH <= 0) {
      return 0;
    }
    return Math.min(freeW / imageWidth, freeH / imageHeight);
  }
}
