package org.ambiseg.app.uncertainty;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.estimate.UncertaintyMaps;
import org.ambiseg.io.render.ColorMap;

/**
 * Turns uncertainty maps into JavaFX images: a heatmap (one opaque pixel per map pixel, coloured by
 * its {@link HeatmapScale} position) and the legend's colour strip. Safe to call off the FX thread.
 */
public final class HeatmapImages {

  /** Rows of the colour strip: one per colour-map entry. */
  public static final int STRIP_HEIGHT = 256;

  private HeatmapImages() {}

  /** The opaque heatmap of one map of {@code maps} in {@code colors}. */
  public static WritableImage heatmap(UncertaintyMaps maps, MapKind kind, ColorMap colors) {
    HeatmapScale scale = HeatmapScale.of(kind);
    int w = maps.width();
    int h = maps.height();
    int[] argb = new int[w * h];
    for (int i = 0; i < argb.length; i++) {
      argb[i] = colors.argb(scale.position(maps.valueAt(kind, i)));
    }
    WritableImage out = new WritableImage(w, h);
    out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return out;
  }

  /** A 1 x 256 strip of {@code colors}, the top row the highest value. */
  public static WritableImage strip(ColorMap colors) {
    WritableImage out = new WritableImage(1, STRIP_HEIGHT);
    for (int row = 0; row < STRIP_HEIGHT; row++) {
      double t = (STRIP_HEIGHT - 1 - row) / (double) (STRIP_HEIGHT - 1);
      out.getPixelWriter().setArgb(0, row, colors.argb(t));
    }
    return out;
  }
}
