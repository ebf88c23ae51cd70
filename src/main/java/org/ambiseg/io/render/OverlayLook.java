package org.ambiseg.io.render;

/**
 * How a mask is drawn over the image (gallery, rater tiles, exports, session files): outline or
 * fill, colour and opacity.
 *
 * @param style outline only, or filled with the outline
 * @param rgb the colour as 0xRRGGBB (any alpha bits are dropped)
 * @param opacity how strongly the colour covers the image, in [0, 1] (see {@link
 *     OverlayRenderer#overlay(org.ambiseg.core.Image2D, boolean[], int, OverlayStyle, int,
 *     double)})
 */
public record OverlayLook(OverlayStyle style, int rgb, double opacity) {

  /** Checks the opacity and drops alpha bits from the colour. */
  public OverlayLook {
    if (style == null) {
      throw new IllegalArgumentException("overlay style is missing");
    }
    if (!(opacity >= 0 && opacity <= 1)) {
      throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
    }
    rgb &= 0xFFFFFF;
  }

  /** The default look (see {@link #defaults()}). */
  public static final OverlayLook DEFAULT = defaults();

  /** The default look: a fully opaque outline in {@link OverlayRenderer#DEFAULT_COLOUR}. */
  public static OverlayLook defaults() {
    return new OverlayLook(OverlayStyle.OUTLINE, OverlayRenderer.DEFAULT_COLOUR, 1.0);
  }

  /** The colour as opaque 0xFFRRGGBB. */
  public int argb() {
    return 0xFF000000 | rgb;
  }
}
