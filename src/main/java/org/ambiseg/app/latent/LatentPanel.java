package org.ambiseg.app.latent;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.converter.LongStringConverter;
import org.ambiseg.app.ImageCanvas;

/**
 * The latent panel: the live segmentation over the image, and below it either the Prob U-Net
 * controls (a slider per latent dimension in prior standard deviations, reset, random z with its
 * seed, the 2-D pad) or the HPU-Net per-scale controls (temperature, fix to mean, seed, presets).
 * Hidden when the estimator has no latent space. Only wiring: the logic is in {@link
 * LatentViewModel}.
 */
public final class LatentPanel extends VBox {

  private final LatentViewModel model;
  private final Runnable pulse;
  private final GridPane sliders = new GridPane();
  private final GridPane scaleRows = new GridPane();
  private final ChoiceBox<Integer> padX = new ChoiceBox<>();
  private final ChoiceBox<Integer> padY = new ChoiceBox<>();

  /** A panel showing and steering {@code model}. */
  public LatentPanel(LatentViewModel model) {
    this.model = model;
    this.pulse = model::onPulse;
    setId("latent-panel");
    setSpacing(8);
    setPadding(new Insets(8));

    ImageCanvas view = new ImageCanvas(4);
    view.setId("latent-overlay");
    view.setPrefSize(256, 256);
    view.setMinSize(128, 128);
    view.imageProperty().bind(model.overlayProperty());
    VBox.setVgrow(view, Priority.ALWAYS);

    Node vector = vectorControls();
    Node scales = scaleControls();
    bindShown(vector, model.kindProperty().isEqualTo(LatentKind.VECTOR));
    bindShown(scales, model.kindProperty().isEqualTo(LatentKind.SCALES));
    bindShown(this, model.kindProperty().isNotEqualTo(LatentKind.NONE));
    getChildren().addAll(new Label("Latent space"), view, vector, scales);

    sceneProperty().addListener((obs, old, now) -> moveTo(old, now));
  }

  private static void bindShown(Node node, BooleanBinding shown) {
    node.visibleProperty().bind(shown);
    node.managedProperty().bind(shown);
  }

  private void moveTo(Scene old, Scene now) {
    if (old != null) {
      old.removePostLayoutPulseListener(pulse);
    }
    if (now != null) {
      now.addPostLayoutPulseListener(pulse);
    }
  }

  // ---- Prob U-Net ------------------------------------------------------------------------------

  private Node vectorControls() {
    sliders.setHgap(6);
    sliders.setVgap(2);
    model.offsets().addListener((ListChangeListener<DoubleProperty>) c -> rebuildSliders());
    rebuildSliders();

    Button reset = new Button("Reset to prior mean");
    reset.setId("latent-reset");
    reset.setOnAction(e -> model.resetToPriorMean());
    Button random = new Button("Random z");
    random.setId("latent-random");
    random.setOnAction(e -> model.randomZ());
    HBox buttons = new HBox(6, reset, random, new Label("seed"), seedField("latent-seed"));
    buttons.setAlignment(Pos.CENTER_LEFT);

    padX.setId("latent-pad-x");
    padY.setId("latent-pad-y");
    model.offsets().addListener((ListChangeListener<DoubleProperty>) c -> rebuildPadChoices());
    rebuildPadChoices();
    padX.valueProperty()
        .addListener((obs, old, now) -> setIfChosen(now, model.padXDimensionProperty()));
    padY.valueProperty()
        .addListener((obs, old, now) -> setIfChosen(now, model.padYDimensionProperty()));
    model.padXDimensionProperty().addListener((obs, old, now) -> choose(padX, now.intValue()));
    model.padYDimensionProperty().addListener((obs, old, now) -> choose(padY, now.intValue()));
    LatentPad pad = new LatentPad(model);
    pad.setId("latent-pad");
    VBox padAxes =
        new VBox(
            4,
            new Label("2-D pad"),
            new HBox(4, new Label("x"), padX),
            new HBox(4, new Label("y"), padY));
    HBox padRow = new HBox(8, pad, padAxes);

    VBox box = new VBox(6, sliders, buttons, padRow);
    box.setId("latent-vector");
    return box;
  }

  private static void setIfChosen(Integer choice, IntegerProperty target) {
    if (choice != null) {
      target.set(choice - 1);
    }
  }

  private static void choose(ChoiceBox<Integer> box, int dimension) {
    if (dimension + 1 <= box.getItems().size()) {
      box.setValue(dimension + 1);
    }
  }

  private void rebuildSliders() {
    sliders.getChildren().clear();
    for (int i = 0; i < model.offsets().size(); i++) {
      DoubleProperty offset = model.offsets().get(i);
      Slider slider = new Slider(-LatentViewModel.RANGE, LatentViewModel.RANGE, offset.get());
      slider.setId("latent-slider-" + i);
      slider.setPrefWidth(180);
      slider.valueProperty().bindBidirectional(offset);
      Label value = new Label();
      value.setMinWidth(56);
      value.textProperty().bind(Bindings.createStringBinding(() -> sigmas(offset.get()), offset));
      sliders.addRow(i, new Label("z" + (i + 1)), slider, value);
    }
  }

  private static String sigmas(double v) {
    return String.format(Locale.ROOT, "%+.2f \u03c3", v);
  }

  private void rebuildPadChoices() {
    int n = model.offsets().size();
    for (ChoiceBox<Integer> box : List.of(padX, padY)) {
      box.getItems().clear();
      for (int i = 1; i <= n; i++) {
        box.getItems().add(i);
      }
    }
    choose(padX, model.padXDimensionProperty().get());
    choose(padY, model.padYDimensionProperty().get());
  }

  // ---- HPU-Net ---------------------------------------------------------------------------------

  private Node scaleControls() {
    scaleRows.setHgap(6);
    scaleRows.setVgap(2);
    model.scales().addListener((ListChangeListener<ScaleControl>) c -> rebuildScaleRows());
    rebuildScaleRows();
    Button global = new Button("Vary global only");
    global.setId("latent-vary-global");
    global.setOnAction(e -> model.varyGlobalOnly());
    Button local = new Button("Vary local only");
    local.setId("latent-vary-local");
    local.setOnAction(e -> model.varyLocalOnly());
    Button newSeed = new Button("New seed");
    newSeed.setId("latent-new-seed");
    newSeed.setOnAction(e -> model.seedProperty().set(model.seedProperty().get() + 1));
    HBox seedRow = new HBox(6, new Label("seed"), seedField("latent-scale-seed"), newSeed);
    seedRow.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(6, scaleRows, seedRow, new HBox(6, global, local));
    box.setId("latent-scales");
    return box;
  }

  private void rebuildScaleRows() {
    scaleRows.getChildren().clear();
    int n = model.scales().size();
    for (ScaleControl s : model.scales()) {
      int i = s.scale();
      String name = "scale " + (i + 1) + (i == 0 ? " (global)" : i == n - 1 ? " (local)" : "");
      Slider t = new Slider(0, ScaleControl.MAX_TEMPERATURE, s.temperatureProperty().get());
      t.setId("latent-temperature-" + i);
      t.setPrefWidth(150);
      t.valueProperty().bindBidirectional(s.temperatureProperty());
      t.disableProperty().bind(s.fixedToMeanProperty());
      Label value = new Label();
      value.setMinWidth(48);
      value
          .textProperty()
          .bind(
              Bindings.createStringBinding(
                  () -> String.format(Locale.ROOT, "t=%.2f", s.temperatureProperty().get()),
                  s.temperatureProperty()));
      CheckBox fixed = new CheckBox("fix to mean");
      fixed.setId("latent-fix-" + i);
      fixed.selectedProperty().bindBidirectional(s.fixedToMeanProperty());
      scaleRows.addRow(i, new Label(name), t, value, fixed);
    }
  }

  private TextField seedField(String id) {
    TextField field = new TextField();
    field.setId(id);
    field.setPrefColumnCount(6);
    TextFormatter<Long> formatter =
        new TextFormatter<>(new LongStringConverter(), model.seedProperty().get());
    field.setTextFormatter(formatter);
    formatter
        .valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && now != model.seedProperty().get()) {
                model.seedProperty().set(now);
              }
            });
    model.seedProperty().addListener((obs, old, now) -> formatter.setValue(now.longValue()));
    return field;
  }
}
