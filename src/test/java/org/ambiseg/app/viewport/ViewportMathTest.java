package org.ambiseg.app.viewport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import javafx.geometry.Rectangle2D;
import org.ambiseg.app.ImageFit;
import org.junit.jupiter.api.Test;

/**
 * Viewport maths on hand-computed numbers: a 100 x 50 image in a 220 x 120 view with a 10 pixel
 * margin has the fitted scale min(200 / 100, 100 / 50) = 2.
 */
class ViewportMathTest {

  private static final ViewGeometry VIEW = new ViewGeometry(100, 50, 220, 120, 10);

  @Test
  void fitMatchesImageFit() {
    assertEquals(2, VIEW.fitScale(), 1e-12);
    ViewTransform t = ViewTransform.of(ViewState.FIT, VIEW);
    // origin = 110 - 0.5 * 100 * 2 = 10 and 60 - 0.5 * 50 * 2 = 10
    assertEquals(new ViewTransform(2, 10, 10), t);
    assertEquals(ImageFit.fit(100, 50, 220, 120, 10), t.imageBounds(100, 50));
    assertEquals(new Rectangle2D(10, 10, 200, 100), t.imageBounds(100, 50));
  }

  @Test
  void screenAndImageCoordinatesRoundTrip() {
    ViewTransform t = ViewTransform.of(ViewState.FIT, VIEW);
    assertEquals(25, t.toImageX(60), 1e-12); // (60 - 10) / 2
    assertEquals(12.5, t.toImageY(35), 1e-12); // (35 - 10) / 2
    assertEquals(60, t.toScreenX(25), 1e-12);
    assertEquals(35, t.toScreenY(12.5), 1e-12);
  }

  @Test
  void zoomKeepsThePointUnderTheCursor() {
    ViewState zoomed = ViewState.FIT.zoomAround(60, 35, 2, VIEW);
    // image point (25, 12.5) stays at (60, 35) with scale 4:
    // u = (25 - (60 - 110) / 4) / 100 = 0.375, v = (12.5 - (35 - 60) / 4) / 50 = 0.375
    assertEquals(2, zoomed.zoom(), 1e-12);
    assertEquals(0.375, zoomed.centreU(), 1e-12);
    assertEquals(0.375, zoomed.centreV(), 1e-12);
    ViewTransform t = ViewTransform.of(zoomed, VIEW);
    assertEquals(new ViewTransform(4, -40, -15), t);
    assertEquals(60, t.toScreenX(25), 1e-12);
    assertEquals(35, t.toScreenY(12.5), 1e-12);
  }

  @Test
  void panMovesTheCentreAgainstTheDrag() {
    ViewState zoomed = new ViewState(2, 0.375, 0.375);
    ViewState panned = zoomed.panBy(20, -8, VIEW);
    // scale 4: u = 0.375 - 20 / (4 * 100) = 0.325, v = 0.375 + 8 / (4 * 50) = 0.415
    assertEquals(0.325, panned.centreU(), 1e-12);
    assertEquals(0.415, panned.centreV(), 1e-12);
    assertEquals(2, panned.zoom(), 1e-12);
  }

  @Test
  void zoomAndCentreStayInRange() {
    assertEquals(ViewState.FIT, ViewState.FIT.zoomAround(60, 35, 0.5, VIEW), "no zoom below fit");
    assertEquals(64, ViewState.FIT.zoomAround(60, 35, 1000, VIEW).zoom(), 1e-12);
    ViewState far = ViewState.FIT.panBy(-1e6, 1e6, VIEW);
    assertEquals(1, far.centreU(), 1e-12);
    assertEquals(0, far.centreV(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new ViewState(0.5, 0.5, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new ViewState(1, 1.5, 0.5));
    assertEquals(0, new ViewGeometry(10, 10, 15, 15, 10).fitScale(), "view smaller than margins");
  }

  @Test
  void viewsOfDifferentSizesShowTheSameImagePointAtTheirCentre() {
    ViewState state = new ViewState(3, 0.25, 0.75);
    ViewTransform small = ViewTransform.of(state, new ViewGeometry(100, 50, 220, 120, 10));
    ViewTransform large = ViewTransform.of(state, new ViewGeometry(100, 50, 440, 240, 20));
    assertEquals(25, small.toImageX(110), 1e-12);
    assertEquals(25, large.toImageX(220), 1e-12);
    assertEquals(37.5, small.toImageY(60), 1e-12);
    assertEquals(37.5, large.toImageY(120), 1e-12);
  }
}
