package org.ambiseg.io.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.ambiseg.core.Image2D;

/**
 * Draws a binary mask over a grey image, upscaled by an integer factor with nearest-neighbour
 * sampling: the form in which contact sheets and animated GIFs show samples.
 *
 * <p>The outline is computed after upscaling, so it stays one output pixel thin: an output pixel is
 * on the outline when it is foreground and one of its four neighbours is background or outside the
 * image.
 */
public final class OverlayRenderer {

  /** Default overlay colour: bright yellow-green, visible on CT grey and on black. */
  public static final int DEFAULT_COLOUR = 0xFF39FF14;

  private OverlayRenderer() {}

  /** The image's grey values (luminance for RGB) as an opaque RGB image, upscaled. */
  public static BufferedImage grey(Image2D image, int scale) {
    checkScale(scale);
    int w = image.width() * scale;
    int h = image.height() * scale;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] rgb = pixels(out);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        rgb[y * w + x] = greyArgb(image.grey(x / scale, y / scale)) & 0xFFFFFF;
      }
    }
    return out;
  }

  /**
   * The image with {@code mask} (row-major, the image's size) drawn over it in {@code argb}'s
   * colour, upscaled by {@code scale}.
   */
  public static BufferedImage overlay(
      Image2D image, boolean[] mask, int scale, OverlayStyle style, int argb) {
    return overlay(image, mask, scale, style, argb, 1.0);
  }

  /**
   * As {@link #overlay(Image2D, boolean[], int, OverlayStyle, int)}, with the colour mixed into the
   * image at {@code opacity}: outline pixels become image + opacity &middot; (colour &minus;
   * image), filled interior pixels image + opacity/2 &middot; (colour &minus; image), per channel,
   * rounded down. Opacity 1 gives the plain overlay.
   *
   * @param opacity in [0, 1]
   */
  public static BufferedImage overlay(
      Image2D image, boolean[] mask, int scale, OverlayStyle style, int argb, double opacity) {
    if (!(opacity >= 0 && opacity <= 1)) {
      throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
    }
    if (mask.length != image.width() * image.height()) {
      throw new IllegalArgumentException(
          "mask has " + mask.length + " pixels, the image " + image.width() * image.height());
    }
    BufferedImage out = grey(image, scale);
    int[] rgb = pixels(out);
    int w = out.getWidth();
    int h = out.getHeight();
    int srcWidth = image.width();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!at(mask, srcWidth, scale, w, h, x, y)) {
          continue;
        }
        boolean edge =
            !at(mask, srcWidth, scale, w, h, x - 1, y)
                || !at(mask, srcWidth, scale, w, h, x + 1, y)
                || !at(mask, srcWidth, scale, w, h, x, y - 1)
                || !at(mask, srcWidth, scale, w, h, x, y + 1);
        // the raster holds 0xRRGGBB; getRGB/setRGB per pixel would convert through the colour model
        int i = y * w + x;
        if (edge) {
          rgb[i] = mix(0xFF000000 | rgb[i], argb, opacity) & 0xFFFFFF;
        } else if (style == OverlayStyle.FILL) {
          rgb[i] = mix(0xFF000000 | rgb[i], argb, opacity / 2) & 0xFFFFFF;
        }
      }
    }
    return out;
  }

  /** The int pixels (0xRRGGBB) behind a TYPE_INT_RGB image, written in place. */
  private static int[] pixels(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  /** True when output pixel (x, y) lies on the mask; false outside the image. */
  private static boolean at(boolean[] mask, int srcWidth, int scale, int w, int h, int x, int y) {
    if (x < 0 || y < 0 || x >= w || y >= h) {
      return false;
    }
    return mask[(y / scale) * srcWidth + x / scale];
  }

  private static int greyArgb(float v) {
    int g = Math.round(Math.max(0f, Math.min(1f, v)) * 255);
    return 0xFF000000 | g << 16 | g << 8 | g;
  }

  /** Opaque colour a + t (b &minus; a) per channel, rounded down (t = 1/2 gives (a + b) / 2). */
  static int mix(int a, int b, double t) {
    int out = 0xFF000000;
    for (int shift = 0; shift <= 16; shift += 8) {
      int ca = (a >> shift) & 0xFF;
      int cb = (b >> shift) & 0xFF;
      out |= (ca + (int) Math.floor((cb - ca) * t)) << shift;
    }
    return out;
  }

  /** Nearest-neighbour upscaling of any image by an integer factor. */
  public static BufferedImage upscale(BufferedImage src, int scale) {
    checkScale(scale);
    BufferedImage out =
        new BufferedImage(
            src.getWidth() * scale, src.getHeight() * scale, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, src.getRGB(x / scale, y / scale));
      }
    }
    return out;
  }

  private static void checkScale(int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("scale must be at least 1, got " + scale);
    }
  }
}
