package org.ambiseg.estimate.tta;

/**
 * A test-time geometric transform of a pixel grid: optional horizontal and vertical flips, then
 * {@code quarterTurns} counter-clockwise 90-degree rotations, then an integer shift by ({@code
 * shiftX}, {@code shiftY}) pixels. Flips and rotations permute pixels; the shift moves some pixels
 * out of the frame and brings in pixels from outside it, which are filled with the nearest edge
 * pixel and marked as not inside. {@link #on} gives the exact pixel mapping for one image size.
 *
 * @param flipHorizontal mirror left-right (x -> w-1-x)
 * @param flipVertical mirror top-bottom (y -> h-1-y)
 * @param quarterTurns counter-clockwise quarter turns, 0..3
 * @param shiftX shift to the right in pixels (negative: to the left)
 * @param shiftY shift down in pixels (negative: up)
 */
public record GeometricTransform(
    boolean flipHorizontal, boolean flipVertical, int quarterTurns, int shiftX, int shiftY) {

  /** Leaves every pixel where it is. */
  public static final GeometricTransform IDENTITY = new GeometricTransform(false, false, 0, 0, 0);

  /** Checks the rotation count. */
  public GeometricTransform {
    if (quarterTurns < 0 || quarterTurns > 3) {
      throw new IllegalArgumentException("quarterTurns must be 0..3, got " + quarterTurns);
    }
  }

  /** True when the transform changes nothing. */
  public boolean isIdentity() {
    return equals(IDENTITY);
  }

  /** The pixel mapping of this transform on a {@code width} x {@code height} grid. */
  public PixelMapping on(int width, int height) {
    boolean turned = quarterTurns % 2 == 1;
    if (Math.abs(shiftX) >= (turned ? height : width)
        || Math.abs(shiftY) >= (turned ? width : height)) {
      throw new IllegalArgumentException(
          "shift ("
              + shiftX
              + ", "
              + shiftY
              + ") does not fit a "
              + width
              + "x"
              + height
              + " image");
    }
    // transform an image of source indices: each output pixel then names the pixel it shows
    int w = width;
    int h = height;
    int[] index = new int[w * h];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    if (flipHorizontal) {
      index = flipX(index, w, h);
    }
    if (flipVertical) {
      index = flipY(index, w, h);
    }
    for (int t = 0; t < quarterTurns; t++) {
      index = quarterTurn(index, w, h);
      int swap = w;
      w = h;
      h = swap;
    }
    int[] source = new int[w * h];
    boolean[] inside = new boolean[w * h];
    for (int v = 0; v < h; v++) {
      for (int u = 0; u < w; u++) {
        int x = u - shiftX;
        int y = v - shiftY;
        inside[v * w + u] = x >= 0 && x < w && y >= 0 && y < h;
        // outside the frame: the nearest edge pixel (replicate padding)
        int cx = Math.min(w - 1, Math.max(0, x));
        int cy = Math.min(h - 1, Math.max(0, y));
        source[v * w + u] = index[cy * w + cx];
      }
    }
    return new PixelMapping(width, height, w, h, source, inside);
  }

  private static int[] flipX(int[] in, int w, int h) {
    int[] out = new int[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = in[y * w + (w - 1 - x)];
      }
    }
    return out;
  }

  private static int[] flipY(int[] in, int w, int h) {
    int[] out = new int[in.length];
    for (int y = 0; y < h; y++) {
      System.arraycopy(in, (h - 1 - y) * w, out, y * w, w);
    }
    return out;
  }

  /** Counter-clockwise: the output (h wide, w high) shows at (x', y') the input's (w-1-y', x'). */
  private static int[] quarterTurn(int[] in, int w, int h) {
    int[] out = new int[in.length];
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < h; x++) {
        out[y * h + x] = in[x * w + (w - 1 - y)];
      }
    }
    return out;
  }
}
