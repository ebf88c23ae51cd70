package org.ambiseg.app.training;

import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.io.render.ColorMap;

/**
 * Renders the dashboard's small pictures as opaque ARGB pixels off the FX thread: an image in grey,
 * a probability map in grey (0 black, 1 white), a rater mask in white on black, and a variance map
 * in magma on the fixed scale [0, 0.25] (the largest variance of a value in [0, 1]).
 */
final class Thumbnails {

  /** Upper end of the variance colour scale. */
  static final double VARIANCE_SCALE = 0.25;

  private Thumbnails() {}

  /** A picture: width, height and row-major ARGB pixels. */
  record Picture(int width, int height, int[] argb) {}

  /** The image in grey (RGB images through their grey value). */
  static Picture image(Image2D image) {
    int w = image.width();
    int h = image.height();
    int[] argb = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        argb[y * w + x] = grey(image.grey(x, y));
      }
    }
    return new Picture(w, h, argb);
  }

  /** A map of values in [0, 1] in grey. */
  static Picture probability(float[] values, int width, int height) {
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = grey(values[i]);
    }
    return new Picture(width, height, argb);
  }

  /** A rater mask: foreground white, background black. */
  static Picture mask(LabelMask mask) {
    boolean[] fg = mask.foreground();
    int[] argb = new int[fg.length];
    for (int i = 0; i < fg.length; i++) {
      argb[i] = fg[i] ? 0xFFFFFFFF : 0xFF000000;
    }
    return new Picture(mask.width(), mask.height(), argb);
  }

  /** A variance map in magma on [0, {@link #VARIANCE_SCALE}]. */
  static Picture variance(float[] values, int width, int height) {
    int[] argb = new int[width * height];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = ColorMap.MAGMA.argb(values[i] / VARIANCE_SCALE);
    }
    return new Picture(width, height, argb);
  }

  private static int grey(float v) {
    int g = Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    return 0xFF000000 | g << 16 | g << 8 | g;
  }
}
