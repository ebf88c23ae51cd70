package org.ambiseg.app.uncertainty;

import java.util.List;
import java.util.Locale;
import org.ambiseg.core.Image2D;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.estimate.UncertaintyMaps;

/**
 * The text of the pixel read-out: position, image value and the value of every offered map at the
 * pixel under the cursor, e.g. "x 3, y 5 · image 0.502 · mean 0.500 · variance 0.250 · entropy
 * 1.000 bits · MI 1.000 bits". Grey images show one value, colour images "r/g/b".
 */
public final class PixelReadout {

  private static final String SEP = " \u00b7 ";

  private PixelReadout() {}

  /**
   * The read-out of pixel (x, y); {@code maps} may be null (no samples yet) and is skipped when its
   * size differs from the image's.
   */
  public static String text(
      int x, int y, Image2D image, UncertaintyMaps maps, List<MapKind> kinds) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "x %d, y %d", x, y));
    if (image != null && x < image.width() && y < image.height()) {
      sb.append(SEP).append("image ").append(imageValue(image, x, y));
    }
    if (maps != null && x < maps.width() && y < maps.height()) {
      for (MapKind kind : kinds) {
        HeatmapScale scale = HeatmapScale.of(kind);
        sb.append(SEP)
            .append(scale.shortName())
            .append(' ')
            .append(scale.format(maps.valueAt(kind, x, y)));
      }
    }
    return sb.toString();
  }

  private static String imageValue(Image2D image, int x, int y) {
    if (image.channels() == 1) {
      return ValueFormat.readout(image.value(x, y, 0));
    }
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < image.channels(); c++) {
      sb.append(c == 0 ? "" : "/").append(ValueFormat.readout(image.value(x, y, c)));
    }
    return sb.toString();
  }
}
