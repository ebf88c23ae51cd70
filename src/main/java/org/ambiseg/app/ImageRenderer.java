package org.ambiseg.app;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.ambiseg.core.Image2D;

/**
 * Turns an {@link Image2D} into a JavaFX image for display: each value v in [0, 1] becomes the
 * 8-bit level round(255 v) (grey images on all three channels), fully opaque. Safe to call off the
 * FX thread.
 */
public final class ImageRenderer {

  private ImageRenderer() {}

  /** The displayed 8-bit level of a value in [0, 1]: round(255 v). */
  public static int level(float value) {
    return Math.round(value * 255f);
  }

  /** A new opaque ARGB image of the same size as {@code image}. */
  public static WritableImage render(Image2D image) {
    int w = image.width();
    int h = image.height();
    int[] argb = new int[w * h];
    boolean grey = image.channels() == 1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = level(image.value(x, y, 0));
        int g = grey ? r : level(image.value(x, y, 1));
        int b = grey ? r : level(image.value(x, y, 2));
        argb[y * w + x] = 0xFF000000 | (r << 16) | (g << 8) | b;
      }
    }
    WritableImage out = new WritableImage(w, h);
    out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return out;
  }
}
