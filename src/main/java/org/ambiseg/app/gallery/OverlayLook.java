package org.ambiseg.app.gallery;

import java.util.Objects;
import org.ambiseg.io.render.OverlayStyle;

/**
 * How masks are drawn over the image in the gallery and rater views.
 *
 * @param style outline only, or filled with the outline
 * @param argb the overlay colour, 0xAARRGGBB (alpha ignored)
 * @param opacity how strongly the overlay shows, 0 (image only) to 1 (full overlay)
 */
public record OverlayLook(OverlayStyle style, int argb, double opacity) {

  /** Outline in {@code OverlayRenderer.DEFAULT_COLOUR}, fully opaque. */
  public static final OverlayLook DEFAULT =
      new OverlayLook(
          OverlayStyle.OUTLINE, org.ambiseg.io.render.OverlayRenderer.DEFAULT_COLOUR, 1);

  /** Checks the style and that the opacity is in [0, 1]. */
  public OverlayLook {
    Objects.requireNonNull(style, "style");
    if (!(opacity >= 0 && opacity <= 1)) {
      throw new IllegalArgumentException("opacity must be in [0, 1], got " + opacity);
    }
  }
}
