package org.ambiseg.cli;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ambiseg.estimate.UncertaintyMaps;
import org.ambiseg.io.render.ContactSheet;
import org.ambiseg.io.render.ContactSheet.Tile;
import org.ambiseg.io.render.OverlayRenderer;
import org.ambiseg.io.render.OverlayStyle;

/**
 * The contact sheet of a sample run: the image, then every sample's outline over it ("#k"), then
 * the mean heatmap, under a title naming model, estimator, seed and N. Small images are enlarged by
 * an integer factor so tiles are at least {@value #MIN_TILE} pixels across.
 */
final class SampleSheet {

  /** Smallest tile side in pixels. */
  static final int MIN_TILE = 128;

  private SampleSheet() {}

  /** Integer enlargement for an image of the given size. */
  static int scaleFor(int width, int height) {
    return Math.max(1, (int) Math.ceil(MIN_TILE / (double) Math.max(width, height)));
  }

  static BufferedImage render(SampledImage run, UncertaintyMaps maps, float threshold) {
    int w = run.image().width();
    int h = run.image().height();
    int scale = scaleFor(w, h);
    List<Tile> tiles = new ArrayList<>();
    tiles.add(new Tile("image", OverlayRenderer.grey(run.image(), scale)));
    int n = run.samples().size();
    for (int k = 0; k < n; k++) {
      tiles.add(
          new Tile(
              "#" + k,
              OverlayRenderer.overlay(
                  run.image(),
                  run.mask(k, threshold),
                  scale,
                  OverlayStyle.OUTLINE,
                  OverlayRenderer.DEFAULT_COLOUR)));
    }
    BufferedImage mean = UncertaintyImages.heatmap(maps, UncertaintyImages.ENTRIES.get(0));
    tiles.add(new Tile("mean", OverlayRenderer.upscale(mean, scale)));
    String title =
        String.format(
            Locale.ROOT,
            "%s | %s | seed %d | N = %d",
            run.info().name(),
            run.estimator(),
            run.samples().seed(),
            n);
    return ContactSheet.render(title, tiles, ContactSheet.columnsFor(tiles.size()));
  }
}
