package org.ambiseg.app.export;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ambiseg.io.render.OverlayStyle;

/**
 * The GIF export window: a preview that plays the frames at the chosen rate, the export choices,
 * and Export / Cancel with a progress bar. Only wiring: the state lives in {@link
 * GifExportViewModel}.
 */
public final class GifExportDialog {

  /** Side of the square the preview is fitted into, in screen pixels. */
  static final double PREVIEW_SIZE = 384;

  private final GifExportViewModel model;
  private final Stage stage = new Stage();

  /** A dialog for {@code model}, owned by {@code owner} (may be null). */
  public GifExportDialog(GifExportViewModel model, Window owner) {
    this.model = model;
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    stage.setTitle("Export animated GIF");
    BorderPane root = new BorderPane();
    root.setId("gif-export-dialog");
    root.setPadding(new Insets(10));
    root.setCenter(preview());
    root.setRight(choices());
    root.setBottom(actions());
    stage.setScene(new Scene(root));
    stage.setOnHidden(e -> model.dispose());
  }

  /** Shows the window and starts the preview. */
  public void show() {
    stage.show();
    model.startPreview();
  }

  /** The window. */
  public Stage stage() {
    return stage;
  }

  private VBox preview() {
    ImageView view = new ImageView();
    view.setId("gif-preview");
    view.setSmooth(false);
    view.setPreserveRatio(true);
    view.setFitWidth(PREVIEW_SIZE);
    view.setFitHeight(PREVIEW_SIZE);
    view.imageProperty().bind(model.previewImageProperty());
    Label frame = new Label();
    frame.setId("gif-frame");
    frame.textProperty().bind(model.previewLabelProperty());
    VBox box = new VBox(6, view, frame);
    box.setAlignment(Pos.TOP_CENTER);
    box.setMinSize(PREVIEW_SIZE, PREVIEW_SIZE);
    return box;
  }

  private GridPane choices() {
    Spinner<Double> fps = new Spinner<>();
    fps.setId("gif-fps");
    fps.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.5, 30, 4, 0.5));
    fps.getValueFactory().valueProperty().bindBidirectional(model.fpsProperty());

    CheckBox loop = new CheckBox("Loop forever (off: play once)");
    loop.setId("gif-loop");
    loop.selectedProperty().bindBidirectional(model.loopForeverProperty());

    ChoiceBox<OverlayStyle> style = new ChoiceBox<>();
    style.setId("gif-style");
    style.getItems().addAll(OverlayStyle.values());
    style.valueProperty().bindBidirectional(model.styleProperty());

    ColorPicker colour = new ColorPicker();
    colour.setId("gif-colour");
    colour.valueProperty().bindBidirectional(model.colourProperty());

    Slider opacity = new Slider(0, 1, 1);
    opacity.setId("gif-opacity");
    opacity.valueProperty().bindBidirectional(model.opacityProperty());

    CheckBox labels = new CheckBox("Frame labels");
    labels.setId("gif-labels");
    labels.selectedProperty().bindBidirectional(model.frameLabelsProperty());

    Spinner<Integer> scale = new Spinner<>();
    scale.setId("gif-scale");
    scale.setValueFactory(
        new SpinnerValueFactory.IntegerSpinnerValueFactory(1, GifSettings.MAX_SCALE, 3));
    scale.getValueFactory().valueProperty().bindBidirectional(model.scaleProperty());

    CheckBox caption = new CheckBox("Caption (model, seed, N, date)");
    caption.setId("gif-caption");
    caption.selectedProperty().bindBidirectional(model.captionProperty());

    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.setPadding(new Insets(0, 0, 0, 12));
    grid.addRow(0, new Label("Frames per second"), fps);
    grid.add(loop, 0, 1, 2, 1);
    grid.addRow(2, new Label("Overlay"), style);
    grid.addRow(3, new Label("Colour"), colour);
    grid.addRow(4, new Label("Opacity"), opacity);
    grid.add(labels, 0, 5, 2, 1);
    grid.addRow(6, new Label("Enlarge (nearest neighbour)"), scale);
    grid.add(caption, 0, 7, 2, 1);
    grid.add(new Label(model.frameCount() + " frames"), 0, 8, 2, 1);
    return grid;
  }

  private VBox actions() {
    ProgressBar bar = new ProgressBar(0);
    bar.setId("gif-progress");
    bar.progressProperty().bind(model.progressProperty());
    bar.visibleProperty().bind(model.writingProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(bar, Priority.ALWAYS);

    Button export = new Button("Export\u2026");
    export.setId("gif-export");
    export.setDefaultButton(true);
    export.disableProperty().bind(model.writingProperty());
    export.setOnAction(e -> model.export(stage));

    Button cancel = new Button("Cancel export");
    cancel.setId("gif-cancel");
    cancel.disableProperty().bind(model.writingProperty().not());
    cancel.setOnAction(e -> model.cancel());

    Button close = new Button("Close");
    close.setId("gif-close");
    close.setCancelButton(true);
    close.setOnAction(e -> stage.hide());

    Label status = new Label();
    status.setId("gif-status");
    status.textProperty().bind(model.statusProperty());

    HBox buttons = new HBox(8, bar, export, cancel, close);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    VBox box = new VBox(6, status, buttons);
    box.setPadding(new Insets(10, 0, 0, 0));
    return box;
  }
}
