package org.ambiseg.app.viewport;

import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * A resizable image view that follows a shared {@link Viewport}: it draws an image and an optional
 * overlay (same field of view, drawn over the image's bounds with an adjustable opacity) with
 * nearest-neighbour scaling, zooms with the mouse wheel around the cursor, pans by dragging and
 * fits the image on a double-click. It reports the image pixel under the mouse.
 *
 * <p>The viewport-aware sibling of {@link org.ambiseg.app.ImageCanvas}: at the fitted state it
 * draws the image exactly where {@code ImageCanvas} does. Only the visible part of each image is
 * drawn, so deep zooms stay cheap.
 */
public final class ViewportCanvas extends Region {

  /** Zoom factor of one wheel notch; turning the wheel away from the user zooms in. */
  public static final double NOTCH_ZOOM = 1.25;

  private final Viewport viewport;
  private final double margin;
  private final Canvas canvas = new Canvas();
  private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
  private final ObjectProperty<Image> overlay = new SimpleObjectProperty<>(this, "overlay");
  private final DoubleProperty overlayOpacity = new SimpleDoubleProperty(this, "overlayOpacity", 1);
  private final ReadOnlyObjectWrapper<ImagePixel> hoveredPixel =
      new ReadOnlyObjectWrapper<>(this, "hoveredPixel");
  private double dragX;
  private double dragY;
  private double lastMouseX = Double.NaN;
  private double lastMouseY = Double.NaN;

  /** An empty view following {@code viewport} that keeps {@code margin} pixels free at fit. */
  public ViewportCanvas(Viewport viewport, double margin) {
    this.viewport = viewport;
    this.margin = margin;
    getChildren().add(canvas);
    setMinSize(0, 0);
    image.addListener((obs, old, now) -> changed());
    overlay.addListener((obs, old, now) -> redraw());
    overlayOpacity.addListener((obs, old, now) -> redraw());
    viewport.stateProperty().addListener((obs, old, now) -> changed());
    setOnScroll(this::onScroll);
    setOnMousePressed(this::onPressed);
    setOnMouseDragged(this::onDragged);
    setOnMouseClicked(this::onClicked);
    setOnMouseMoved(e -> hover(e.getX(), e.getY()));
    setOnMouseExited(e -> hover(Double.NaN, Double.NaN));
  }

  /** The viewport this view follows. */
  public Viewport viewport() {
    return viewport;
  }

  /** The image shown; null shows nothing. */
  public ObjectProperty<Image> imageProperty() {
    return image;
  }

  /** The image shown; null when none. */
  public Image getImage() {
    return image.get();
  }

  /** Drawn over the image's bounds (any resolution of the same field of view); null for none. */
  public ObjectProperty<Image> overlayProperty() {
    return overlay;
  }

  /** Opacity of the overlay, 0 (invisible) to 1 (opaque). */
  public DoubleProperty overlayOpacityProperty() {
    return overlayOpacity;
  }

  /** The image pixel under the mouse; null when the mouse is elsewhere or no image is shown. */
  public ReadOnlyObjectProperty<ImagePixel> hoveredPixelProperty() {
    return hoveredPixel.getReadOnlyProperty();
  }

  /** This view's sizes; null when no image is shown. */
  public ViewGeometry geometry() {
    Image img = image.get();
    if (img == null || img.getWidth() <= 0 || img.getHeight() <= 0) {
      return null;
    }
    return new ViewGeometry(
        img.getWidth(), img.getHeight(), canvas.getWidth(), canvas.getHeight(), margin);
  }

  /** The current image-to-view mapping (in this node's coordinates); null when no image. */
  public ViewTransform transform() {
    ViewGeometry g = geometry();
    return g == null ? null : ViewTransform.of(viewport.getState(), g);
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      changed();
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 0;
  }

  private void onScroll(ScrollEvent e) {
    ViewGeometry g = geometry();
    if (g == null || g.fitScale() <= 0 || e.getDeltaY() == 0) {
      return;
    }
    viewport.zoomAround(e.getX(), e.getY(), Math.pow(NOTCH_ZOOM, notches(e)), g);
    e.consume();
  }

  /**
   * Wheel notches of a scroll event, positive away from the user: deltaY is notches times the
   * platform's pixels per notch (multiplierY, e.g. 40); trackpads give fractions.
   */
  static double notches(ScrollEvent e) {
    return e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : Math.signum(e.getDeltaY());
  }

  private void onPressed(MouseEvent e) {
    dragX = e.getX();
    dragY = e.getY();
  }

  private void onDragged(MouseEvent e) {
    ViewGeometry g = geometry();
    if (g != null && g.fitScale() > 0 && e.getButton() == MouseButton.PRIMARY) {
      viewport.panBy(e.getX() - dragX, e.getY() - dragY, g);
    }
    dragX = e.getX();
    dragY = e.getY();
    hover(e.getX(), e.getY());
  }

  private void onClicked(MouseEvent e) {
    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
      viewport.fit();
    }
  }

  /** After the image, size or viewport changed: redraw and recompute the pixel under the mouse. */
  private void changed() {
    redraw();
    hover(lastMouseX, lastMouseY);
  }

  private void hover(double x, double y) {
    lastMouseX = x;
    lastMouseY = y;
    ViewTransform t = transform();
    Image img = image.get();
    if (t == null || t.scale() <= 0 || Double.isNaN(x)) {
      hoveredPixel.set(null);
      return;
    }
    int ix = (int) Math.floor(t.toImageX(x));
    int iy = (int) Math.floor(t.toImageY(y));
    boolean inside = ix >= 0 && iy >= 0 && ix < img.getWidth() && iy < img.getHeight();
    ImagePixel now = inside ? new ImagePixel(ix, iy) : null;
    if (!Objects.equals(now, hoveredPixel.get())) {
      hoveredPixel.set(now);
    }
  }

  private void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    ViewTransform t = transform();
    if (t == null || t.scale() <= 0) {
      return;
    }
    Image img = image.get();
    g.setImageSmoothing(false);
    drawVisible(g, img, t, 1);
    Image top = overlay.get();
    double opacity = Math.max(0, Math.min(1, overlayOpacity.get()));
    if (top != null && opacity > 0) {
      g.setGlobalAlpha(opacity);
      drawVisible(g, top, t, top.getWidth() / img.getWidth());
      g.setGlobalAlpha(1);
    }
  }

  /**
   * Draws the visible whole pixels of a layer whose pixels are {@code density} times finer than the
   * base image's (1 for the same resolution).
   */
  private void drawVisible(GraphicsContext g, Image layer, ViewTransform t, double density) {
    double layerScale = t.scale() / density;
    double x0 = Math.max(0, Math.floor(-t.originX() / layerScale));
    double y0 = Math.max(0, Math.floor(-t.originY() / layerScale));
    double x1 =
        Math.min(layer.getWidth(), Math.ceil((canvas.getWidth() - t.originX()) / layerScale));
    double y1 =
        Math.min(layer.getHeight(), Math.ceil((canvas.getHeight() - t.originY()) / layerScale));
    if (x1 <= x0 || y1 <= y0) {
      return;
    }
    g.drawImage(
        layer,
        x0,
        y0,
        x1 - x0,
        y1 - y0,
        t.originX() + x0 * layerScale,
        t.originY() + y0 * layerScale,
        (x1 - x0) * layerScale,
        (y1 - y0) * layerScale);
  }
}
