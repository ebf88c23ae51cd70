package org.ambiseg.app.cases;

import javafx.beans.binding.Bindings;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import org.ambiseg.app.ImageCanvas;
import org.ambiseg.app.ImageRenderer;
import org.ambiseg.core.Image2D;

/**
 * The whole large image with the region of interest drawn over it: pressing or dragging the mouse
 * centres the region under the pointer ({@link RoiSelector#centreAt}); for DICOM a {@link
 * WindowLevelControl} sits below the image. Only wiring: the region's position, clamping and the
 * crop live in {@link RoiSelector}.
 */
public final class RoiSelectorView {

  /** Gap in pixels between the image and the edge of its area. */
  private static final double MARGIN = 8;

  private final RoiSelector selector;
  private final BorderPane root = new BorderPane();
  private final ImageCanvas canvas = new ImageCanvas(MARGIN);
  private final Rectangle frame = new Rectangle();

  /** Builds the view for {@code selector}. */
  public RoiSelectorView(RoiSelector selector) {
    this.selector = selector;
    root.setId("roi-selector");
    canvas.setId("roi-image");
    canvas
        .imageProperty()
        .bind(
            Bindings.createObjectBinding(
                () -> render(selector.displayImageProperty().get()),
                selector.displayImageProperty()));
    frame.setId("roi-frame");
    frame.getStyleClass().add("roi-frame");
    frame.setFill(null);
    frame.setStyle("-fx-stroke: #ffcc00; -fx-stroke-width: 2;");
    frame.setManaged(false);
    frame.setMouseTransparent(true);
    Pane overlay = new Pane(frame);
    overlay.setId("roi-overlay");
    overlay.setCursor(Cursor.CROSSHAIR);
    overlay.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onMouse);
    overlay.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onMouse);
    StackPane area = new StackPane(canvas, overlay);
    area.setMinSize(0, 0);
    root.setCenter(area);
    WindowLevelControl control = new WindowLevelControl(selector.windowLevel());
    control.root().visibleProperty().bind(selector.dicomProperty());
    control.root().managedProperty().bind(control.root().visibleProperty());
    root.setBottom(control.root());
    selector.roiProperty().addListener((obs, old, now) -> placeFrame());
    canvas.imageBoundsProperty().addListener((obs, old, now) -> placeFrame());
  }

  /** The root node. */
  public Parent root() {
    return root;
  }

  /** The canvas the image is drawn on (for tests and screenshots). */
  public ImageCanvas canvas() {
    return canvas;
  }

  private static Image render(Image2D image) {
    return image == null ? null : ImageRenderer.render(image);
  }

  private void onMouse(MouseEvent event) {
    Image2D image = selector.displayImageProperty().get();
    Rectangle2D bounds = canvas.imageBoundsProperty().get();
    if (image == null || bounds.getWidth() <= 0) {
      return;
    }
    Point2D p =
        ImageCoordinates.toImage(bounds, image.width(), image.height(), event.getX(), event.getY());
    selector.centreAt(p.getX(), p.getY());
    event.consume();
  }

  private void placeFrame() {
    Roi roi = selector.roiProperty().get();
    Image2D image = selector.displayImageProperty().get();
    Rectangle2D bounds = canvas.imageBoundsProperty().get();
    if (roi == null || image == null || bounds.getWidth() <= 0) {
      frame.setVisible(false);
      return;
    }
    Rectangle2D r = ImageCoordinates.toView(bounds, image.width(), image.height(), roi);
    frame.setX(r.getMinX());
    frame.setY(r.getMinY());
    frame.setWidth(r.getWidth());
    frame.setHeight(r.getHeight());
    frame.setVisible(true);
  }
}
