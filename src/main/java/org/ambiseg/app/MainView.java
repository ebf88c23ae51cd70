package org.ambiseg.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.ambiseg.app.gallery.GalleryView;
import org.ambiseg.app.gallery.GalleryViewModel;
import org.ambiseg.app.gallery.RatersView;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.app.session.ModelPickerView;

/**
 * The main window's content: menu bar on top; in the centre three columns side by side: the open
 * image (or the enlarged selected sample, crisp pixels, see {@link ImageCanvas}) with the domain
 * warning, the model picker and sample gallery, and a tab pane of side panels (the case's raters
 * and scores first; other panels are added with {@link #addSidePanel}); a status bar (status lines,
 * research-use notice) at the bottom. It only builds nodes and binds them to the view-models;
 * dropping an image file on it calls {@link MainViewModel#openImage}, dropping a dataset folder,
 * zip or pickle goes to {@link #onDatasetDropped}.
 */
public final class MainView {

  /** Gap in pixels between the image and the edge of its area. */
  private static final double IMAGE_MARGIN = 8;

  private final MainViewModel model;
  private final CaseSession session;
  private final GalleryViewModel gallery;
  private final BorderPane root = new BorderPane();
  private final TabPane sidePanels = new TabPane();
  private Consumer<Path> datasetDropped = path -> {};

  /**
   * Builds the view for {@code model}, {@code session} and {@code gallery} with the given menu bar;
   * {@code sampleActions} is the bar shown under the enlarged sample.
   */
  public MainView(
      MainViewModel model,
      CaseSession session,
      GalleryViewModel gallery,
      MenuBar menuBar,
      Node sampleActions) {
    this.model = model;
    this.session = session;
    this.gallery = gallery;
    root.getStyleClass().add("main-view");
    root.setTop(menuBar);
    sidePanels.setId("side-panels");
    addSidePanel("Raters", new RatersView(gallery).root());
    VBox galleryColumn =
        new VBox(6, new ModelPickerView(session).root(), new GalleryView(session, gallery).root());
    galleryColumn.getStyleClass().add("gallery-column");
    VBox.setVgrow(galleryColumn.getChildren().get(1), Priority.ALWAYS);
    SplitPane columns = new SplitPane(imageColumn(sampleActions), galleryColumn, sidePanels);
    columns.setId("main-columns");
    columns.setDividerPositions(0.38, 0.78);
    root.setCenter(columns);
    root.setBottom(statusBar());
    root.setOnDragOver(this::onDragOver);
    root.setOnDragDropped(this::onDragDropped);
  }

  /** The root node, to put in a scene. */
  public Parent root() {
    return root;
  }

  /** Adds a panel as a new tab beside the gallery (heatmaps, latent sliders, case list...). */
  public void addSidePanel(String title, Node content) {
    Tab tab = new Tab(title, content);
    tab.setClosable(false);
    sidePanels.getTabs().add(tab);
  }

  /** Where a dropped dataset folder, zip or pickle goes (the case browser). */
  public void onDatasetDropped(Consumer<Path> target) {
    this.datasetDropped = Objects.requireNonNull(target, "target");
  }

  /** The tab pane of side panels. */
  public TabPane sidePanels() {
    return sidePanels;
  }

  private VBox imageColumn(Node sampleActions) {
    Label warning = new Label();
    warning.setId("domain-warning");
    warning.getStyleClass().add("warning");
    warning.setWrapText(true);
    warning.textProperty().bind(session.warningProperty());
    warning.visibleProperty().bind(session.warningProperty().isNotEmpty());
    warning.managedProperty().bind(warning.visibleProperty());
    StackPane area = imageArea();
    VBox.setVgrow(area, Priority.ALWAYS);
    VBox column = new VBox(warning, area, sampleActions);
    column.setMinWidth(0);
    return column;
  }

  private StackPane imageArea() {
    ImageCanvas view = new ImageCanvas(IMAGE_MARGIN);
    view.setId("image-view");
    view.imageProperty().bind(gallery.mainImageProperty());

    Label placeholder = new Label("Drop an image here, or use File > Open image... (Ctrl+O)");
    placeholder.getStyleClass().add("placeholder");
    placeholder.visibleProperty().bind(gallery.mainImageProperty().isNull());

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
    busy.visibleProperty()
        .bind(
            model
                .loadingProperty()
                .or(session.samplingProperty())
                .or(session.loadingModelProperty()));
    busy.managedProperty().bind(busy.visibleProperty());

    Label sessionStatus = new Label();
    sessionStatus.setId("session-status");
    sessionStatus.textProperty().bind(session.statusProperty());

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);

    Label notice = new Label(Notices.RESEARCH_USE);
    notice.setId("research-notice");
    notice.getStyleClass().add("research-notice");

    HBox bar = new HBox(8, busy, status, sessionStatus, spacer, notice);
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  private void onDragOver(DragEvent event) {
    if (event.getDragboard().hasFiles()
        && (DroppedFiles.firstImage(event.getDragboard().getFiles()).isPresent()
            || DroppedFiles.firstDataset(event.getDragboard().getFiles()).isPresent())) {
      event.acceptTransferModes(TransferMode.COPY);
    }
    event.consume();
  }

  private void onDragDropped(DragEvent event) {
    var files = event.getDragboard().getFiles();
    var dataset = DroppedFiles.firstDataset(files);
    var image = DroppedFiles.firstImage(files);
    if (dataset.isPresent()) {
      datasetDropped.accept(dataset.get());
    } else {
      image.ifPresent(model::openImage);
    }
    event.setDropCompleted(dataset.isPresent() || image.isPresent());
    event.consume();
  }
}
