package org.ambiseg.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.estimate.UncertaintyMaps;
import org.ambiseg.io.PngWriter;
import org.ambiseg.io.render.ColorMap;

/**
 * The uncertainty maps {@code sample} writes, each twice: as a colour-mapped heatmap {@code
 * <name>.png} and as raw values in a 16-bit grey {@code <name>16.png}. Both use the map's fixed
 * scale [0, {@link MapKind#upperBound()}], so pictures of different images are comparable: the
 * 16-bit grey value g stands for v = g / 65535 &middot; upperBound.
 */
final class UncertaintyImages {

  /** One written map: file stem, kind and colour map. */
  record Entry(String stem, MapKind kind, ColorMap colors) {}

  /** mean and variance in viridis, predictive entropy and mutual information in magma. */
  static final List<Entry> ENTRIES =
      List.of(
          new Entry("mean", MapKind.MEAN, ColorMap.VIRIDIS),
          new Entry("variance", MapKind.VARIANCE, ColorMap.VIRIDIS),
          new Entry("entropy", MapKind.PREDICTIVE_ENTROPY, ColorMap.MAGMA),
          new Entry("mi", MapKind.MUTUAL_INFORMATION, ColorMap.MAGMA));

  private UncertaintyImages() {}

  /** The heatmap of one map on its fixed scale. */
  static BufferedImage heatmap(UncertaintyMaps maps, Entry e) {
    return e.colors()
        .render(maps.map(e.kind()), maps.width(), maps.height(), e.kind().upperBound());
  }

  /** Writes {@code <stem>.png} and {@code <stem>16.png} of one map into {@code dir}. */
  static void write(Path dir, UncertaintyMaps maps, Entry e) throws IOException {
    BufferedImage heat = heatmap(maps, e);
    int w = maps.width();
    int h = maps.height();
    PngWriter.writeArgb(dir.resolve(e.stem() + ".png"), w, h, heat.getRGB(0, 0, w, h, null, 0, w));
    float[] values = maps.map(e.kind());
    float upper = (float) e.kind().upperBound();
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.max(0f, Math.min(1f, values[i] / upper));
    }
    PngWriter.writeImage16(dir.resolve(e.stem() + "16.png"), Image2D.grey(w, h, values));
  }
}
