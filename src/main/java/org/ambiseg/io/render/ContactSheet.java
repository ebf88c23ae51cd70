package org.ambiseg.io.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Lays out equally sized tiles (the image, each sample's overlay, a heatmap) in a grid under a
 * title line, each tile labelled in its top-left corner: one picture that shows a whole sample set.
 */
public final class ContactSheet {

  /** Gap between tiles and around the grid, in pixels. */
  static final int GAP = 4;

  private static final Color BACKGROUND = new Color(32, 32, 32);

  /** One picture of the sheet with its label. */
  public record Tile(String label, BufferedImage image) {}

  private ContactSheet() {}

  /** Columns for {@code tiles} pictures: about square, at most 8. */
  public static int columnsFor(int tiles) {
    return Math.max(1, Math.min(8, (int) Math.ceil(Math.sqrt(tiles))));
  }

  /**
   * Renders the sheet: {@code title} on top, then the tiles row by row in {@code columns} columns.
   * Every tile must have the first tile's size.
   */
  public static BufferedImage render(String title, List<Tile> tiles, int columns) {
    if (tiles.isEmpty()) {
      throw new IllegalArgumentException("a contact sheet needs at least one tile");
    }
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be at least 1, got " + columns);
    }
    int tw = tiles.get(0).image().getWidth();
    int th = tiles.get(0).image().getHeight();
    for (Tile t : tiles) {
      if (t.image().getWidth() != tw || t.image().getHeight() != th) {
        throw new IllegalArgumentException(
            "tile '" + t.label() + "' is not " + tw + "x" + th + " like the first tile");
      }
    }
    int rows = (tiles.size() + columns - 1) / columns;
    int top = GAP + Captions.height() + GAP;
    int width = GAP + columns * (tw + GAP);
    int height = top + rows * (th + GAP);
    BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, width, height);
      Captions.draw(g, title, GAP, GAP);
      for (int i = 0; i < tiles.size(); i++) {
        int x = GAP + (i % columns) * (tw + GAP);
        int y = top + (i / columns) * (th + GAP);
        g.drawImage(tiles.get(i).image(), x, y, null);
        Captions.draw(g, tiles.get(i).label(), x, y);
      }
    } finally {
      g.dispose();
    }
    return sheet;
  }
}
