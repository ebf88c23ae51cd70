package org.ambiseg.app.gallery;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.io.render.OverlayStyle;
import org.controlsfx.control.GridView;

/**
 * The gallery column: sample count, seed and "Resample", overlay style, colour and opacity, sort by
 * mode, the mode weights, and a {@link GridView} of the samples (click one to enlarge it). Only
 * builds nodes and binds them to {@link CaseSession} and {@link GalleryViewModel}.
 */
public final class GalleryView {

  /** Edge length of a gallery cell's image, in pixels. */
  static final double CELL_SIZE = 128;

  private final VBox root = new VBox(6);

  /** The gallery of {@code session}'s samples as rendered by {@code gallery}. */
  public GalleryView(CaseSession session, GalleryViewModel gallery) {
    root.getStyleClass().add("gallery");
    root.setId("gallery");

    Label modes = new Label();
    modes.setId("modes-text");
    modes.textProperty().bind(gallery.modesTextProperty());

    GridView<SampleTile> grid = new GridView<>(gallery.tiles());
    grid.setId("sample-grid");
    grid.setCellWidth(CELL_SIZE);
    grid.setCellHeight(CELL_SIZE + 20);
    grid.setHorizontalCellSpacing(4);
    grid.setVerticalCellSpacing(4);
    grid.setCellFactory(g -> new SampleCell(CELL_SIZE, gallery::select));
    VBox.setVgrow(grid, Priority.ALWAYS);

    root.getChildren().addAll(samplingControls(session), lookControls(gallery), modes, grid);
  }

  /** The root node. */
  public Parent root() {
    return root;
  }

  private static FlowPane samplingControls(CaseSession session) {
    ChoiceBox<Integer> count =
        new ChoiceBox<>(FXCollections.observableArrayList(CaseSession.SAMPLE_COUNTS));
    count.setId("sample-count");
    count.setValue(session.sampleCountProperty().get());
    count
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                session.sampleCountProperty().set(now);
              }
            });
    session.sampleCountProperty().addListener((obs, old, now) -> count.setValue(now.intValue()));

    TextField seed = new TextField(Long.toString(session.seedProperty().get()));
    seed.setId("seed-field");
    seed.setPrefColumnCount(6);
    seed.setTooltip(new Tooltip("Seed: the same seed gives the same samples (Enter to apply)"));
    seed.setOnAction(e -> applySeed(session, seed));
    seed.focusedProperty()
        .addListener(
            (obs, was, now) -> {
              if (!now) {
                applySeed(session, seed);
              }
            });
    session
        .seedProperty()
        .addListener((obs, old, now) -> seed.setText(Long.toString(now.longValue())));

    Button resample = new Button("Resample");
    resample.setId("resample");
    resample.setTooltip(new Tooltip("Draw new samples with the next seed"));
    resample.disableProperty().bind(session.caseProperty().isNull());
    resample.setOnAction(e -> session.resample());

    FlowPane pane =
        new FlowPane(6, 4, new Label("Samples"), count, new Label("Seed"), seed, resample);
    pane.getStyleClass().add("toolbar");
    return pane;
  }

  private static void applySeed(CaseSession session, TextField field) {
    try {
      session.seedProperty().set(Long.parseLong(field.getText().trim()));
    } catch (NumberFormatException e) {
      field.setText(Long.toString(session.seedProperty().get()));
    }
  }

  private static FlowPane lookControls(GalleryViewModel gallery) {
    ChoiceBox<OverlayStyle> style =
        new ChoiceBox<>(FXCollections.observableArrayList(OverlayStyle.values()));
    style.setId("overlay-style");
    style.valueProperty().bindBidirectional(gallery.styleProperty());

    ColorPicker colour = new ColorPicker();
    colour.setId("overlay-colour");
    colour.valueProperty().bindBidirectional(gallery.colourProperty());

    Slider opacity = new Slider(0, 1, 1);
    opacity.setId("overlay-opacity");
    opacity.setPrefWidth(90);
    opacity.valueProperty().bindBidirectional(gallery.opacityProperty());
    Label opacityText = new Label();
    opacityText
        .textProperty()
        .bind(Bindings.format("%.0f %%", gallery.opacityProperty().multiply(100)));

    CheckBox sort = new CheckBox("Sort by mode");
    sort.setId("sort-by-mode");
    sort.selectedProperty().bindBidirectional(gallery.sortByModeProperty());

    FlowPane pane =
        new FlowPane(6, 4, style, colour, new Label("Opacity"), opacity, opacityText, sort);
    pane.getStyleClass().add("toolbar");
    return pane;
  }
}
