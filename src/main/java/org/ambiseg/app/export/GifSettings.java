package org.ambiseg.app.export;

import org.ambiseg.io.render.OverlayLook;

/**
 * The choices of a GIF export: frame rate, looping, overlay look, frame labels, nearest-neighbour
 * enlargement and the stamp caption.
 *
 * @param fps frames per second, in (0, 100]
 * @param loopForever true to repeat forever, false to play once
 * @param look how masks are drawn
 * @param frameLabels true to label each frame ("sample 3/16") in its top-left corner
 * @param scale integer nearest-neighbour enlargement, 1..8 (e.g. 4 for slides)
 * @param caption true to draw the export stamp's caption along the bottom edge
 */
public record GifSettings(
    double fps,
    boolean loopForever,
    OverlayLook look,
    boolean frameLabels,
    int scale,
    boolean caption) {

  /** Largest enlargement offered. */
  public static final int MAX_SCALE = 8;

  /** Checks the ranges. */
  public GifSettings {
    if (!(fps > 0 && fps <= 100)) {
      throw new IllegalArgumentException("fps must be in (0, 100], got " + fps);
    }
    if (scale < 1 || scale > MAX_SCALE) {
      throw new IllegalArgumentException("scale must be 1.." + MAX_SCALE + ", got " + scale);
    }
    if (look == null) {
      throw new IllegalArgumentException("overlay look is missing");
    }
  }

  /** 4 fps, looping, default look, labelled, 3x, with caption. */
  public static GifSettings defaults() {
    return new GifSettings(4, true, OverlayLook.defaults(), true, 3, true);
  }

  /**
   * How long each frame is shown in hundredths of a second (GIF's unit): round(100 / fps), at least
   * 1.
   */
  public int delayCentiseconds() {
    return (int) Math.max(1, Math.round(100.0 / fps));
  }
}
