package org.ambiseg.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;

/**
 * A resizable area that draws one image fitted to its size (aspect ratio kept, centred, see {@link
 * ImageFit}) with nearest-neighbour scaling, so enlarged pixels stay crisp squares. A canvas rather
 * than an ImageView: {@code ImageView.setSmooth(false)} is ignored by JavaFX's software renderer,
 * while canvas image smoothing can be switched off on every pipeline. Later overlays draw on top of
 * the same canvas.
 */
public final class ImageCanvas extends Region {

  private final double margin;
  private final Canvas canvas = new Canvas();
  private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
  private final ReadOnlyObjectWrapper<Rectangle2D> imageBounds =
      new ReadOnlyObjectWrapper<>(this, "imageBounds", new Rectangle2D(0, 0, 0, 0));

  /** An empty canvas that keeps {@code margin} pixels free around the image. */
  public ImageCanvas(double margin) {
    this.margin = margin;
    getChildren().add(canvas);
    setMinSize(0, 0); // the window may shrink below the image's size
    image.addListener((obs, old, now) -> redraw());
  }

  /** The image shown; null shows nothing. */
  public ObjectProperty<Image> imageProperty() {
    return image;
  }

  /** The image shown; null when none. */
  public Image getImage() {
    return image.get();
  }

  /** Where the image is drawn, in this node's coordinates (zero size when nothing is drawn). */
  public ReadOnlyObjectProperty<Rectangle2D> imageBoundsProperty() {
    return imageBounds.getReadOnlyProperty();
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      redraw();
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

  private void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    Image img = image.get();
    Rectangle2D r =
        img == null
            ? new Rectangle2D(0, 0, 0, 0)
            : ImageFit.fit(
                img.getWidth(), img.getHeight(), canvas.getWidth(), canvas.getHeight(), margin);
    imageBounds.set(r);
    if (r.getWidth() > 0) {
      g.setImageSmoothing(false);
      g.drawImage(img, r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }
  }
}
