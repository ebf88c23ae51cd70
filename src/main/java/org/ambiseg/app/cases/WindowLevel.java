package org.ambiseg.app.cases;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.ambiseg.io.DicomWindow;

/**
 * The display window of a CT image as two free values, level and width in HU, with {@link
 * WindowPreset presets}; {@link #windowProperty()} is the resulting {@link DicomWindow}. Widths
 * below {@link #MIN_WIDTH} are treated as {@link #MIN_WIDTH}.
 */
public final class WindowLevel {

  /** Lowest level offered, in HU (air is about -1000). */
  public static final double MIN_LEVEL = -1200;

  /** Highest level offered, in HU (dense bone is above +1000). */
  public static final double MAX_LEVEL = 1500;

  /** Narrowest window, in HU. */
  public static final double MIN_WIDTH = 1;

  /** Widest window, in HU (covers the whole 12-bit CT range). */
  public static final double MAX_WIDTH = 4000;

  private final DoubleProperty level = new SimpleDoubleProperty(this, "level");
  private final DoubleProperty width = new SimpleDoubleProperty(this, "width");
  private final ObjectBinding<DicomWindow> window =
      Bindings.createObjectBinding(
          () -> new DicomWindow(level.get(), Math.max(MIN_WIDTH, width.get())), level, width);

  /** Starts at the lung window. */
  public WindowLevel() {
    apply(WindowPreset.LUNG);
  }

  /** The window centre in HU. */
  public DoubleProperty levelProperty() {
    return level;
  }

  /** The window width in HU. */
  public DoubleProperty widthProperty() {
    return width;
  }

  /** The current window. */
  public ObjectBinding<DicomWindow> windowProperty() {
    return window;
  }

  /** Sets level and width to a preset's. */
  public void apply(WindowPreset preset) {
    set(preset.window());
  }

  /** Sets level and width to {@code w}'s. */
  public void set(DicomWindow w) {
    level.set(w.level());
    width.set(w.width());
  }
}
