package org.ambiseg.io;

import java.util.Objects;
import java.util.Optional;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.PixelSpacing;

/**
 * A decoded single-frame DICOM image: its modality values after rescale ({@code stored * slope +
 * intercept}, Hounsfield units for CT), pixel spacing and display window, so a viewer can re-window
 * without reading the file again.
 */
public final class DicomImage {

  private final int width;
  private final int height;
  private final float[] hu;
  private final PixelSpacing spacing;
  private final DicomWindow window;
  private final DicomWindow storedWindow;
  private final boolean inverted;

  private DicomImage(
      int width,
      int height,
      float[] hu,
      PixelSpacing spacing,
      DicomWindow window,
      DicomWindow storedWindow,
      boolean inverted) {
    if (width <= 0 || height <= 0 || hu.length != (long) width * height) {
      throw new IllegalArgumentException(
          "expected " + width + "x" + height + " positive size and values, got " + hu.length);
    }
    this.width = width;
    this.height = height;
    this.hu = hu;
    this.spacing = spacing;
    this.window = Objects.requireNonNull(window, "window");
    this.storedWindow = storedWindow;
    this.inverted = inverted;
  }

  /**
   * A DICOM image from modality values (row-major, copied).
   *
   * @param spacing pixel spacing, or null when the file has none
   */
  public static DicomImage of(
      int width, int height, float[] hu, PixelSpacing spacing, DicomWindow window) {
    return new DicomImage(width, height, hu.clone(), spacing, window, null, false);
  }

  /** Used by the reader: takes ownership of {@code hu}. */
  static DicomImage decoded(
      int width,
      int height,
      float[] hu,
      PixelSpacing spacing,
      DicomWindow window,
      DicomWindow storedWindow,
      boolean inverted) {
    return new DicomImage(width, height, hu, spacing, window, storedWindow, inverted);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Modality value (HU for CT) at column x, row y. */
  public float hu(int x, int y) {
    return hu[y * width + x];
  }

  /** A copy of the modality values, row-major. */
  public float[] huValues() {
    return hu.clone();
  }

  /** Pixel spacing in mm from the file's Pixel Spacing (0028,0030), when present. */
  public Optional<PixelSpacing> spacing() {
    return Optional.ofNullable(spacing);
  }

  /** The window {@link #toImage()} applies. */
  public DicomWindow window() {
    return window;
  }

  /** The first window stored in the file (Window Center/Width, 0028,1050/1051), when present. */
  public Optional<DicomWindow> storedWindow() {
    return Optional.ofNullable(storedWindow);
  }

  /**
   * True for MONOCHROME1 files, where the lowest value is shown white: {@link #toImage()} flips.
   */
  public boolean inverted() {
    return inverted;
  }

  /** The same values shown through another window. */
  public DicomImage withWindow(DicomWindow newWindow) {
    return new DicomImage(width, height, hu, spacing, newWindow, storedWindow, inverted);
  }

  /** The values mapped to [0, 1] through {@link #window()}, with the pixel spacing attached. */
  public Image2D toImage() {
    float[] out = new float[hu.length];
    for (int i = 0; i < hu.length; i++) {
      float v = window.apply(hu[i]);
      out[i] = inverted ? 1f - v : v;
    }
    Image2D image = Image2D.grey(width, height, out);
    return spacing == null ? image : image.withSpacing(spacing);
  }

  @Override
  public String toString() {
    return "DicomImage[" + width + "x" + height + ", window " + window + "]";
  }
}
