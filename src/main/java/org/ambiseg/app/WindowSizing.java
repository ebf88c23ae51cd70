package org.ambiseg.app;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;

/** Chooses the main window's size: the preferred size, shrunk to fit the screen. */
public final class WindowSizing {

  /** Preferred width of the main window. */
  public static final double PREFERRED_WIDTH = 1280;

  /** Preferred height of the main window. */
  public static final double PREFERRED_HEIGHT = 800;

  /** Smallest size the window is given, even on a tiny screen. */
  private static final double MIN_SIDE = 320;

  private WindowSizing() {}

  /**
   * The preferred size clamped to 95 % of the screen's visible area (never below 320 px a side).
   */
  public static Dimension2D fit(double preferredWidth, double preferredHeight, Rectangle2D screen) {
    double w = Math.max(MIN_SIDE, Math.min(preferredWidth, Math.floor(screen.getWidth() * 0.95)));
    double h = Math.max(MIN_SIDE, Math.min(preferredHeight, Math.floor(screen.getHeight() * 0.95)));
    return new Dimension2D(w, h);
  }
}
