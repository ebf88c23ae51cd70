package org.ambiseg.io.synth;

/**
 * Fills holes in a binary mask: background not 4-connected to the image border becomes foreground.
 */
final class HoleFill {

  private HoleFill() {}

  /** A copy of {@code fg} with every enclosed background region set to foreground. */
  static boolean[] fill(boolean[] fg, int w, int h) {
    boolean[] outside = new boolean[fg.length];
    int[] queue = new int[fg.length];
    int tail = 0;
    for (int x = 0; x < w; x++) {
      tail = visit(fg, outside, queue, tail, x);
      tail = visit(fg, outside, queue, tail, (h - 1) * w + x);
    }
    for (int y = 0; y < h; y++) {
      tail = visit(fg, outside, queue, tail, y * w);
      tail = visit(fg, outside, queue, tail, y * w + w - 1);
    }
    for (int head = 0; head < tail; head++) {
      int i = queue[head];
      int x = i % w;
      int y = i / w;
      if (x > 0) {
        tail = visit(fg, outside, queue, tail, i - 1);
      }
      if (x < w - 1) {
        tail = visit(fg, outside, queue, tail, i + 1);
      }
      if (y > 0) {
        tail = visit(fg, outside, queue, tail, i - w);
      }
      if (y < h - 1) {
        tail = visit(fg, outside, queue, tail, i + w);
      }
    }
    boolean[] out = new boolean[fg.length];
    for (int i = 0; i < fg.length; i++) {
      out[i] = !outside[i];
    }
    return out;
  }

  /** Marks background pixel {@code i} as outside and queues it; returns the new queue length. */
  private static int visit(boolean[] fg, boolean[] outside, int[] queue, int tail, int i) {
    if (!fg[i] && !outside[i]) {
      outside[i] = true;
      queue[tail++] = i;
    }
    return tail;
  }
}
