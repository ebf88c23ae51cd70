package org.ambiseg.io.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Draws short white labels on a dark box into images (frame numbers, tile names, titles). */
public final class Captions {

  /** Font size of labels, in pixels. */
  public static final int FONT_SIZE = 11;

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE);
  private static final int PAD = 2;

  private Captions() {}

  /** Draws {@code text} with its box's top-left corner at (x, y). */
  public static void draw(BufferedImage target, String text, int x, int y) {
    Graphics2D g = target.createGraphics();
    try {
      draw(g, text, x, y);
    } finally {
      g.dispose();
    }
  }

  /** Draws {@code text} with its box's top-left corner at (x, y) on an open graphics context. */
  public static void draw(Graphics2D g, String text, int x, int y) {
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(FONT);
    FontMetrics m = g.getFontMetrics();
    g.setColor(new Color(0, 0, 0, 170));
    g.fillRect(x, y, m.stringWidth(text) + 2 * PAD, height());
    g.setColor(Color.WHITE);
    g.drawString(text, x + PAD, y + PAD + m.getAscent());
  }

  /** Height of a label's box in pixels. */
  public static int height() {
    return FONT_SIZE + 2 * PAD + 3;
  }
}
