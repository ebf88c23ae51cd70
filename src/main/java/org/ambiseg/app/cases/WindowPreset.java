package org.ambiseg.app.cases;

import org.ambiseg.io.DicomWindow;

/** The named CT display windows offered beside the free level and width sliders. */
public enum WindowPreset {
  /** Lung: level -600 HU, width 1500 HU. */
  LUNG("Lung", DicomWindow.LUNG),
  /** Mediastinum (soft tissue): level 40 HU, width 400 HU. */
  MEDIASTINUM("Mediastinum", DicomWindow.SOFT_TISSUE);

  private final String text;
  private final DicomWindow window;

  WindowPreset(String text, DicomWindow window) {
    this.text = text;
    this.window = window;
  }

  /** The button text. */
  public String text() {
    return text;
  }

  /** The window. */
  public DicomWindow window() {
    return window;
  }
}
