package org.ambiseg.app.export;

import java.awt.image.BufferedImage;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.ExportStamp;
import org.ambiseg.io.render.Captions;
import org.ambiseg.io.render.OverlayLook;
import org.ambiseg.io.render.OverlayRenderer;

/**
 * Renders one animation frame: the frame's mask over the grey image in the chosen look, enlarged,
 * with its label in the top-left corner and the stamp caption along the bottom edge when asked.
 */
public final class FrameRenderer {

  private FrameRenderer() {}

  /** Frame {@code index} of {@code frames} over {@code image}, as the GIF will show it. */
  public static BufferedImage render(
      Image2D image, FrameSource frames, int index, GifSettings settings, ExportStamp stamp) {
    if (image.width() != frames.width() || image.height() != frames.height()) {
      throw new IllegalArgumentException(
          "frames are "
              + frames.width()
              + "x"
              + frames.height()
              + ", the image "
              + image.width()
              + "x"
              + image.height());
    }
    OverlayLook look = settings.look();
    BufferedImage out =
        OverlayRenderer.overlay(
            image, frames.mask(index), settings.scale(), look.style(), look.argb(), look.opacity());
    if (settings.frameLabels()) {
      Captions.draw(out, frames.label(index), 1, 1);
    }
    if (settings.caption()) {
      drawCaption(out, stamp);
    }
    return out;
  }

  /** Draws {@code stamp}'s one-line caption along the bottom-left edge of {@code target}. */
  public static void drawCaption(BufferedImage target, ExportStamp stamp) {
    Captions.draw(target, stamp.caption(), 1, target.getHeight() - Captions.height() - 1);
  }
}
