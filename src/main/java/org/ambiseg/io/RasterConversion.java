package org.ambiseg.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/**
 * Turns decoded {@link BufferedImage}s into {@link Image2D} values and mask labels.
 *
 * <p>Image values: each integer sample is divided by its largest value ({@code 2^bits - 1}: 255 for
 * 8-bit, 65535 for 16-bit); palette images go through their palette. Transparent pixels are
 * composited on black (colour times alpha). RGB becomes grey by Rec. 709 luminance {@code 0.2126 R
 * + 0.7152 G + 0.0722 B} unless {@link ColorMode#KEEP_RGB} is asked for.
 *
 * <p>Mask labels are the stored sample values, not the displayed colours: palette images give their
 * palette indices, grey images their grey level.
 */
final class RasterConversion {

  private static final float RED = 0.2126f;
  private static final float GREEN = 0.7152f;
  private static final float BLUE = 0.0722f;

  private RasterConversion() {}

  /** The image's pixels scaled to [0, 1], grey or RGB as {@code mode} asks. */
  static Image2D toImage(String name, BufferedImage image, ColorMode mode)
      throws BadInputException {
    Pixels px = pixels(name, image);
    int n = px.width * px.height;
    if (px.blue == null) {
      return Image2D.grey(px.width, px.height, px.red);
    }
    if (mode == ColorMode.KEEP_RGB) {
      float[] planar = new float[3 * n];
      System.arraycopy(px.red, 0, planar, 0, n);
      System.arraycopy(px.green, 0, planar, n, n);
      System.arraycopy(px.blue, 0, planar, 2 * n, n);
      return Image2D.of(px.width, px.height, 3, planar);
    }
    float[] grey = new float[n];
    for (int i = 0; i < n; i++) {
      float v = RED * px.red[i] + GREEN * px.green[i] + BLUE * px.blue[i];
      grey[i] = Math.min(1f, Math.max(0f, v));
    }
    return Image2D.grey(px.width, px.height, grey);
  }

  /**
   * A binary mask: a pixel is foreground when any colour sample is non-zero and it is not fully
   * transparent.
   */
  static LabelMask toBinaryMask(String name, BufferedImage image) throws BadInputException {
    Raster r = image.getRaster();
    ColorModel cm = image.getColorModel();
    int colourBands = cm instanceof IndexColorModel ? 1 : cm.getNumColorComponents();
    int alphaBand = cm.hasAlpha() && !(cm instanceof IndexColorModel) ? colourBands : -1;
    checkIntegerSamples(name, r);
    int w = r.getWidth();
    int h = r.getHeight();
    boolean[] fg = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean on = false;
        for (int b = 0; b < colourBands && !on; b++) {
          on = r.getSample(x, y, b) != 0;
        }
        fg[y * w + x] = on && (alphaBand < 0 || r.getSample(x, y, alphaBand) != 0);
      }
    }
    return LabelMask.binary(w, h, fg);
  }

  /** A label map: the stored single-channel values, which must lie in 0..255. */
  static LabelMask toLabelMap(String name, BufferedImage image) throws BadInputException {
    Raster r = image.getRaster();
    ColorModel cm = image.getColorModel();
    if (!(cm instanceof IndexColorModel) && cm.getNumColorComponents() != 1) {
      throw new BadInputException(
          name,
          "a label map must be a grey or palette image of class indices, this one has "
              + cm.getNumColorComponents()
              + " colour channels");
    }
    checkIntegerSamples(name, r);
    int w = r.getWidth();
    int h = r.getHeight();
    byte[] labels = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int label = r.getSample(x, y, 0);
        if (label > 255) {
          throw new BadInputException(
              name,
              "label " + label + " at (" + x + ", " + y + ") is over 255, the largest class index");
        }
        labels[y * w + x] = (byte) label;
      }
    }
    return LabelMask.of(w, h, labels);
  }

  /** Planar colour values in [0, 1] after compositing on black; {@code blue == null} for grey. */
  private record Pixels(int width, int height, float[] red, float[] green, float[] blue) {}

  private static Pixels pixels(String name, BufferedImage image) throws BadInputException {
    Raster r = image.getRaster();
    ColorModel cm = image.getColorModel();
    checkIntegerSamples(name, r);
    if (cm instanceof IndexColorModel icm) {
      return palettePixels(r, icm);
    }
    int colours = cm.getNumColorComponents();
    if (colours != 1 && colours != 3) {
      throw new BadInputException(
          name,
          "unsupported colour model with "
              + colours
              + " colour channels (only grey and RGB are supported; CMYK is not)");
    }
    int w = r.getWidth();
    int h = r.getHeight();
    float[][] planes = new float[colours][w * h];
    float[] max = new float[r.getNumBands()];
    for (int b = 0; b < max.length; b++) {
      int bits = r.getSampleModel().getSampleSize(b);
      if (bits < 1 || bits > 16) {
        throw new BadInputException(
            name, "unsupported sample depth of " + bits + " bits (only 1 to 16 bits)");
      }
      max[b] = (1 << bits) - 1;
    }
    boolean multiplyAlpha = cm.hasAlpha() && !cm.isAlphaPremultiplied();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        float alpha = multiplyAlpha ? r.getSample(x, y, colours) / max[colours] : 1f;
        for (int c = 0; c < colours; c++) {
          float v = r.getSample(x, y, c) / max[c] * alpha;
          planes[c][y * w + x] = Math.min(1f, Math.max(0f, v));
        }
      }
    }
    return colours == 1
        ? new Pixels(w, h, planes[0], null, null)
        : new Pixels(w, h, planes[0], planes[1], planes[2]);
  }

  /** Looks each index up in the palette; a palette of greys gives a grey image. */
  private static Pixels palettePixels(Raster r, IndexColorModel icm) {
    int size = icm.getMapSize();
    float[][] lut = new float[3][size];
    boolean grey = true;
    for (int i = 0; i < size; i++) {
      float alpha = icm.getAlpha(i) / 255f;
      lut[0][i] = icm.getRed(i) / 255f * alpha;
      lut[1][i] = icm.getGreen(i) / 255f * alpha;
      lut[2][i] = icm.getBlue(i) / 255f * alpha;
      grey &= icm.getRed(i) == icm.getGreen(i) && icm.getGreen(i) == icm.getBlue(i);
    }
    int w = r.getWidth();
    int h = r.getHeight();
    float[][] planes = new float[grey ? 1 : 3][w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // an index past the palette's end shows as black, as in most viewers
        int index = r.getSample(x, y, 0);
        for (int c = 0; c < planes.length; c++) {
          planes[c][y * w + x] = index < size ? lut[c][index] : 0f;
        }
      }
    }
    return grey
        ? new Pixels(w, h, planes[0], null, null)
        : new Pixels(w, h, planes[0], planes[1], planes[2]);
  }

  private static void checkIntegerSamples(String name, Raster r) throws BadInputException {
    int type = r.getTransferType();
    if (type == DataBuffer.TYPE_FLOAT || type == DataBuffer.TYPE_DOUBLE) {
      throw new BadInputException(
          name, "floating-point samples are not supported; save the image as 8- or 16-bit");
    }
    if (type == DataBuffer.TYPE_SHORT) {
      throw new BadInputException(
          name, "signed 16-bit samples are not supported; save the image as unsigned 16-bit");
    }
  }
}
