package org.ambiseg.app.viewport;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The zoom and pan shared by several image views: every {@link ViewportCanvas} given the same
 * viewport shows the same part of its image, so an image, its heatmap and an enlarged sample zoom
 * and pan together. Holds one {@link ViewState}; use it on the JavaFX thread.
 */
public final class Viewport {

  private final ObjectProperty<ViewState> state =
      new SimpleObjectProperty<>(this, "state", ViewState.FIT);

  /** The shown part of the image; never null (setting null fits the image). */
  public ObjectProperty<ViewState> stateProperty() {
    return state;
  }

  /** The shown part of the image. */
  public ViewState getState() {
    return state.get() == null ? ViewState.FIT : state.get();
  }

  /** Shows the whole image fitted and centred. */
  public void fit() {
    state.set(ViewState.FIT);
  }

  /** Zooms by {@code factor} around a screen point of a view, see {@link ViewState#zoomAround}. */
  public void zoomAround(double screenX, double screenY, double factor, ViewGeometry view) {
    state.set(getState().zoomAround(screenX, screenY, factor, view));
  }

  /** Pans by a screen distance in a view, see {@link ViewState#panBy}. */
  public void panBy(double dx, double dy, ViewGeometry view) {
    state.set(getState().panBy(dx, dy, view));
  }
}
