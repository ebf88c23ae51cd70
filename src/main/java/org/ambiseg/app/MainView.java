package org.ambiseg.app;

import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The main window's content: menu bar on top, the open image fitted to the window in the centre
 * (crisp pixels, see {@link ImageCanvas}), and a status bar (status line, research-use notice) at
 * the bottom. It only builds nodes and binds them to {@link MainViewModel}; dropping an image file
 * on it calls {@link MainViewModel#openImage}.
 */
public final class MainView {

  /** Gap in pixels between the image and the edge of its area. */
  private static final double IMAGE_MARGIN = 8;

  private final MainViewModel model;
  private final BorderPane root = new BorderPane();

  /** Builds the view for {@code model} with the given menu bar. */
  public MainView(MainViewModel model, MenuBar menuBar) {
    this.model = model;
    root.getStyleClass().add("main-view");
    root.setTop(menuBar);
    root.setCenter(imageArea());
    root.setBottom(statusBar());
    root.setOnDragOver(this::onDragOver);
    root.setOnDragDropped(this::onDragDropped);
  }

  /** The root node, to put in a scene. */
  public Parent root() {
    return root;
  }

  private StackPane imageArea() {
    ImageCanvas view = new ImageCanvas(IMAGE_MARGIN);
    view.setId("image-view");
    view.imageProperty().bind(model.displayImageProperty());

    Label placeholder = new Label("Drop an image here, or use File > Open image... (Ctrl+O)");
    placeholder.getStyleClass().add("placeholder");
    placeholder.visibleProperty().bind(model.displayImageProperty().isNull());

    StackPane area = new StackPane(view, placeholder);
    area.setId("image-area");
    area.getStyleClass().add("image-area");
    area.setMinSize(0, 0);
    return area;
  }

  private HBox statusBar() {
    Label status = new Label();
    status.setId("status-text");
    status.textProperty().bind(model.statusProperty());

    ProgressIndicator busy = new ProgressIndicator();
    busy.getStyleClass().add("busy");
    busy.setPrefSize(14, 14);
    busy.visibleProperty().bind(model.loadingProperty());
    busy.managedProperty().bind(busy.visibleProperty());

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    Label notice = new Label(Notices.RESEARCH_USE);
    notice.setId("research-notice");
    notice.getStyleClass().add("research-notice");

    HBox bar = new HBox(busy, status, spacer, notice);
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  private void onDragOver(DragEvent event) {
    if (event.getDragboard().hasFiles()
        && DroppedFiles.firstImage(event.getDragboard().getFiles()).isPresent()) {
      event.acceptTransferModes(TransferMode.COPY);
    }
    event.consume();
  }

  private void onDragDropped(DragEvent event) {
    var file = DroppedFiles.firstImage(event.getDragboard().getFiles());
    file.ifPresent(model::openImage);
    event.setDropCompleted(file.isPresent());
    event.consume();
  }
}
