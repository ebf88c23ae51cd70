package org.ambiseg.io;

/**
 * A display window for Hounsfield units (or any DICOM modality value), mapping a value range
 * linearly onto [0, 1].
 *
 * <p>{@code v = clamp((hu - (level - width / 2)) / width, 0, 1)}: values at or below {@code level -
 * width / 2} become 0, at or above {@code level + width / 2} become 1, {@code level} becomes 0.5.
 * (This is the plain linear window; DICOM PS3.3 C.11.2.1.2 differs from it by half a unit.)
 *
 * @param level the centre of the window, in the modality's units (HU for CT)
 * @param width the width of the window, positive
 */
public record DicomWindow(double level, double width) {

  /** The usual lung window: level -600 HU, width 1500 HU. */
  public static final DicomWindow LUNG = new DicomWindow(-600, 1500);

  /** A soft-tissue (mediastinal) window: level 40 HU, width 400 HU. */
  public static final DicomWindow SOFT_TISSUE = new DicomWindow(40, 400);

  /** Validates that the level is finite and the width finite and positive. */
  public DicomWindow {
    if (!Double.isFinite(level) || !Double.isFinite(width) || !(width > 0)) {
      throw new IllegalArgumentException(
          "a window needs a finite level and a positive finite width, got level "
              + level
              + ", width "
              + width);
    }
  }

  /** Maps one value into [0, 1] with this window. */
  public float apply(double value) {
    double v = (value - (level - width / 2)) / width;
    return (float) Math.min(1.0, Math.max(0.0, v));
  }
}
