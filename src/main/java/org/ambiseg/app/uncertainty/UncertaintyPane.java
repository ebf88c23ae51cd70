package org.ambiseg.app.uncertainty;

import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.ambiseg.app.viewport.Viewport;
import org.ambiseg.app.viewport.ViewportCanvas;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.io.render.ColorMap;

/**
 * The uncertainty view: a heatmap of the chosen map over the image with adjustable opacity, a
 * colour-bar legend, and a read-out of the values under the cursor. Controls along the top choose
 * the map, the colour map and the opacity. The image view follows a {@link Viewport} that other
 * views may share, so they zoom and pan together. All state lives in {@link UncertaintyViewModel};
 * this class only wires.
 *
 * <p>Node ids: {@code uncertainty-kind}, {@code uncertainty-colors}, {@code uncertainty-opacity},
 * {@code uncertainty-view}, {@code uncertainty-legend}, {@code uncertainty-legend-title}, {@code
 * uncertainty-readout}, {@code uncertainty-status}.
 */
public final class UncertaintyPane extends BorderPane {

  /** Read-out text while the cursor is not over the image. */
  public static final String READOUT_HINT = "Point at the image to read its values";

  private static final double MARGIN = 4;

  private final UncertaintyViewModel model;
  private final ViewportCanvas view;

  /**
   * A pane following {@code image} and its {@code samples} (same size; either may be null),
   * computing on {@code executor} and zooming with {@code viewport}.
   */
  public UncertaintyPane(
      ObservableValue<Image2D> image,
      ObservableValue<SampleSet> samples,
      Executor executor,
      Viewport viewport) {
    this.model = new UncertaintyViewModel(image, samples, executor);
    this.view = new ViewportCanvas(viewport, MARGIN);
    view.setId("uncertainty-view");
    view.imageProperty().bind(model.pictureProperty());
    view.overlayProperty().bind(model.heatmapProperty());
    view.overlayOpacityProperty().bind(model.opacityProperty());
    model.hoveredPixelProperty().bind(view.hoveredPixelProperty());

    setTop(controls());
    setCenter(view);
    setRight(legend());
    setBottom(readout());
  }

  /** The state behind the pane: map kind, colour map, opacity, maps, read-out. */
  public UncertaintyViewModel model() {
    return model;
  }

  /** The image-and-heatmap view (e.g. to read its transform). */
  public ViewportCanvas view() {
    return view;
  }

  private HBox controls() {
    ChoiceBox<MapKind> kind = new ChoiceBox<>();
    kind.setId("uncertainty-kind");
    kind.getItems().setAll(HeatmapScale.KINDS);
    kind.setConverter(labels(MapKind::label));
    kind.valueProperty().bindBidirectional(model.mapKindProperty());

    ChoiceBox<ColorMap> colors = new ChoiceBox<>();
    colors.setId("uncertainty-colors");
    colors.getItems().setAll(ColorMap.values());
    colors.setConverter(labels(ColorMap::id));
    colors.valueProperty().bindBidirectional(model.colorMapProperty());

    Slider opacity = new Slider(0, 1, model.opacityProperty().get());
    opacity.setId("uncertainty-opacity");
    opacity.valueProperty().bindBidirectional(model.opacityProperty());

    HBox bar = new HBox(8, kind, colors, new Label("Opacity"), opacity, statusLabel());
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4));
    return bar;
  }

  private Label statusLabel() {
    Label status = new Label();
    status.setId("uncertainty-status");
    status.textProperty().bind(model.statusProperty());
    return status;
  }

  private VBox legend() {
    Label title = new Label();
    title.setId("uncertainty-legend-title");
    title.textProperty().bind(model.scaleProperty().map(HeatmapScale::title));
    title.setWrapText(true);
    title.setMaxWidth(90);
    ColorBar bar = new ColorBar();
    bar.setId("uncertainty-legend");
    bar.colorMapProperty().bind(model.colorMapProperty());
    bar.scaleProperty().bind(model.scaleProperty());
    StackPane holder = new StackPane(bar);
    VBox.setVgrow(holder, Priority.ALWAYS);
    VBox box = new VBox(4, title, holder);
    box.setPadding(new Insets(4));
    box.setPrefWidth(100);
    return box;
  }

  private Label readout() {
    Label text = new Label();
    text.setId("uncertainty-readout");
    // a hint while the cursor is away keeps the label's height, so hovering never relayouts
    text.textProperty()
        .bind(
            Bindings.when(model.readoutProperty().isEmpty())
                .then(READOUT_HINT)
                .otherwise(model.readoutProperty()));
    text.setPadding(new Insets(4));
    text.setMinHeight(Label.USE_PREF_SIZE);
    return text;
  }

  private static <T> StringConverter<T> labels(Function<T, String> name) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : name.apply(value);
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException("choices are not typed in");
      }
    };
  }
}
