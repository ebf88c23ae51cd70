package org.ambiseg.app.gallery;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns packed ARGB pixels into JavaFX images for display. */
public final class FxPictures {

  private FxPictures() {}

  /** A new image of {@code width} x {@code height} holding {@code argb} (row-major). */
  public static WritableImage of(int width, int height, int[] argb) {
    if (argb.length != width * height) {
      throw new IllegalArgumentException(
          argb.length + " pixels for a " + width + "x" + height + " image");
    }
    WritableImage out = new WritableImage(width, height);
    out.getPixelWriter()
        .setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
    return out;
  }
}
