package org.ambiseg.app.gallery;

import java.awt.image.BufferedImage;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.render.OverlayLook;
import org.ambiseg.io.render.OverlayRenderer;

/**
 * The pixels of one mask drawn over an image in an {@link OverlayLook}: {@link OverlayRenderer}'s
 * overlay mixed with the plain grey image by the look's opacity a, each channel round(a * overlay +
 * (1 - a) * grey). Plain Java, safe off the FX thread.
 */
public final class OverlayPixels {

  private OverlayPixels() {}

  /** Opaque ARGB pixels (row-major) of size (width * scale) x (height * scale). */
  public static int[] render(Image2D image, boolean[] mask, int scale, OverlayLook look) {
    BufferedImage over = OverlayRenderer.overlay(image, mask, scale, look.style(), look.argb());
    int w = over.getWidth();
    int h = over.getHeight();
    int[] out = over.getRGB(0, 0, w, h, null, 0, w);
    if (look.opacity() >= 1) {
      for (int i = 0; i < out.length; i++) {
        out[i] |= 0xFF000000;
      }
      return out;
    }
    int[] base = OverlayRenderer.grey(image, scale).getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < out.length; i++) {
      out[i] = mix(out[i], base[i], look.opacity());
    }
    return out;
  }

  /** round(a * top + (1 - a) * bottom) per channel, opaque. */
  static int mix(int top, int bottom, double a) {
    int r = channel(top >> 16, bottom >> 16, a);
    int g = channel(top >> 8, bottom >> 8, a);
    int b = channel(top, bottom, a);
    return 0xFF000000 | r << 16 | g << 8 | b;
  }

  private static int channel(int top, int bottom, double a) {
    return (int) Math.round(a * (top & 0xFF) + (1 - a) * (bottom & 0xFF));
  }
}
