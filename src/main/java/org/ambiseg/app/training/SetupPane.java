package org.ambiseg.app.training;

import java.io.File;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ambiseg.train.TrainableModels;

/**
 * The training form: dataset (typed, or chosen as a folder or a file) with its preview of a few
 * cases and their raters and the patient split, model type and preset, the key hyper-parameters,
 * the runs folder, the problems found, and the Start button. Only builds nodes and binds them to
 * {@link TrainingViewModel}.
 */
final class SetupPane {

  private static final double THUMB = 56;

  private final TrainingViewModel model;
  private final Supplier<Window> owner;
  private final VBox root = new VBox(8);

  SetupPane(TrainingViewModel model, Supplier<Window> owner) {
    this.model = model;
    this.owner = owner;
    root.getStyleClass().add("training-setup");
    root.setPrefWidth(360);
    root.getChildren().addAll(datasetRow(), previewArea(), form(), problemsAndStart());
  }

  Node root() {
    return root;
  }

  private Node datasetRow() {
    TextField path = new TextField();
    path.setId("data-path");
    path.setPromptText("dataset folder, zip or pickle");
    path.textProperty().bindBidirectional(model.dataPathProperty());
    path.setOnAction(e -> model.loadPreview());
    HBox.setHgrow(path, Priority.ALWAYS);
    Button folder = new Button("Folder\u2026");
    folder.setOnAction(
        e -> {
          File f = new DirectoryChooser().showDialog(owner.get());
          choose(f);
        });
    Button file = new Button("File\u2026");
    file.setOnAction(
        e -> {
          File f = new FileChooser().showOpenDialog(owner.get());
          choose(f);
        });
    Button preview = new Button("Preview");
    preview.setId("preview-data");
    preview.setOnAction(e -> model.loadPreview());
    return new VBox(4, new Label("Dataset"), new HBox(4, path, folder, file, preview));
  }

  private void choose(File f) {
    if (f != null) {
      model.dataPathProperty().set(f.toString());
      model.loadPreview();
    }
  }

  private Node previewArea() {
    Label summary = new Label();
    summary.setId("preview-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(model.previewTextProperty());
    VBox cases = new VBox(4);
    cases.setId("preview-cases");
    model
        .previewProperty()
        .addListener(
            (obs, old, p) -> {
              cases.getChildren().clear();
              if (p == null) {
                return;
              }
              for (DatasetPreview.PreviewCase c : p.cases()) {
                FlowPane row = new FlowPane(4, 4);
                row.getChildren()
                    .add(
                        Pictures.tile(
                            c.image(),
                            c.id() + (c.patientId().isEmpty() ? "" : " (" + c.patientId() + ")"),
                            THUMB));
                for (int r = 0; r < c.raters().size(); r++) {
                  row.getChildren().add(Pictures.tile(c.raters().get(r), "rater " + r, THUMB));
                }
                cases.getChildren().add(row);
              }
            });
    return new VBox(4, summary, cases);
  }

  private Node form() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(4);
    ChoiceBox<String> type =
        new ChoiceBox<>(FXCollections.observableArrayList(TrainableModels.MODEL_TYPES));
    type.setId("model-type");
    type.valueProperty().bindBidirectional(model.modelTypeProperty());
    ChoiceBox<String> preset = new ChoiceBox<>(model.presets());
    preset.setId("preset");
    preset.valueProperty().bindBidirectional(model.presetProperty());
    TextField beta = field("beta", model.betaProperty().get());
    beta.textProperty().bindBidirectional(model.betaProperty());
    beta.disableProperty()
        .bind(Bindings.createBooleanBinding(() -> !model.usesBeta(), model.modelTypeProperty()));
    TextField kappa = field("kappa", null);
    kappa.textProperty().bindBidirectional(model.kappaProperty());
    kappa
        .disableProperty()
        .bind(Bindings.createBooleanBinding(() -> !model.usesKappa(), model.modelTypeProperty()));
    TextField steps = field("steps", null);
    steps.textProperty().bindBidirectional(model.stepsProperty());
    TextField batch = field("batch", null);
    batch.textProperty().bindBidirectional(model.batchProperty());
    TextField lr = field("learning-rate", null);
    lr.textProperty().bindBidirectional(model.learningRateProperty());
    CheckBox augment = new CheckBox("flips, rotations, shifts");
    augment.setId("augment");
    augment.selectedProperty().bindBidirectional(model.augmentProperty());
    TextField runs = field("runs-folder", null);
    runs.textProperty().bindBidirectional(model.runsFolderProperty());
    runs.setOnAction(e -> model.refreshRuns());
    int row = 0;
    grid.addRow(row++, new Label("Model"), type);
    grid.addRow(row++, new Label("Preset"), preset);
    grid.addRow(row++, new Label("Steps"), steps);
    grid.addRow(row++, new Label("Batch"), batch);
    grid.addRow(row++, new Label("Learning rate"), lr);
    grid.addRow(row++, new Label("Beta (KL weight)"), beta);
    grid.addRow(row++, new Label("GECO kappa"), kappa);
    grid.addRow(row++, new Label("Augmentation"), augment);
    grid.addRow(row, new Label("Runs folder"), runs);
    return grid;
  }

  private static TextField field(String id, String text) {
    TextField f = new TextField(text);
    f.setId(id);
    f.setPrefColumnCount(12);
    return f;
  }

  private Node problemsAndStart() {
    Label problems = new Label();
    problems.setId("form-problems");
    problems.getStyleClass().add("form-problems");
    problems.setStyle("-fx-text-fill: #b00020;");
    problems.setWrapText(true);
    problems.textProperty().bind(model.formProblemsProperty());
    Button start = new Button("Start training");
    start.setId("start");
    start.setDefaultButton(true);
    start.setOnAction(e -> model.start());
    start.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainingViewModel.State.IDLE));
    return new VBox(6, problems, start);
  }
}
