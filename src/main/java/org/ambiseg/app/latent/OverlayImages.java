package org.ambiseg.app.latent;

import java.awt.image.BufferedImage;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.render.OverlayRenderer;
import org.ambiseg.io.render.OverlayStyle;

/**
 * Renders a probability map as the segmentation (p >= 0.5) filled and outlined over the image, with
 * {@link OverlayRenderer} at twice the image's size so the outline stays thin; safe off the FX
 * thread.
 */
final class OverlayImages {

  /** Upscaling of the rendered overlay. */
  static final int SCALE = 2;

  /** Probability at or above which a pixel is foreground. */
  static final float THRESHOLD = 0.5f;

  private OverlayImages() {}

  static WritableImage render(Image2D image, float[] probability) {
    boolean[] mask = new boolean[probability.length];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = probability[i] >= THRESHOLD;
    }
    BufferedImage drawn =
        OverlayRenderer.overlay(
            image, mask, SCALE, OverlayStyle.FILL, OverlayRenderer.DEFAULT_COLOUR);
    int w = drawn.getWidth();
    int h = drawn.getHeight();
    int[] argb = drawn.getRGB(0, 0, w, h, null, 0, w);
    WritableImage out = new WritableImage(w, h);
    out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return out;
  }
}
