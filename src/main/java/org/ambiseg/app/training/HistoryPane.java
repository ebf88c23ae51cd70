package org.ambiseg.app.training;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ambiseg.app.training.TrainingViewModel.State;

/**
 * The run history: the runs of the runs folder with their configuration, progress and last
 * validation metrics, a button to resume the selected run from its checkpoint, and (when the app
 * has a viewer) buttons to open its best or final model there. Only wiring.
 */
final class HistoryPane {

  private final VBox root = new VBox(6);

  HistoryPane(TrainingViewModel model) {
    root.setPrefWidth(300);
    ListView<RunSummary> list = new ListView<>(model.runs());
    list.setId("run-list");
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(RunSummary item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.label());
                setWrapText(true);
                setPrefWidth(0);
              }
            });
    list.getSelectionModel()
        .selectedItemProperty()
        .addListener((obs, old, run) -> model.selectedRunProperty().set(run));
    model
        .selectedRunProperty()
        .addListener(
            (obs, old, run) -> {
              if (run != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(run);
              }
            });
    VBox.setVgrow(list, Priority.ALWAYS);

    Button refresh = new Button("Refresh");
    refresh.setId("refresh-runs");
    refresh.setOnAction(e -> model.refreshRuns());
    Button resume = new Button("Resume run");
    resume.setId("resume-run");
    resume.setOnAction(e -> model.resumeSelected());
    resume
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> {
                  RunSummary r = model.selectedRunProperty().get();
                  return r == null || !r.resumable() || model.stateProperty().get() != State.IDLE;
                },
                model.selectedRunProperty(),
                model.stateProperty()));
    FlowPane buttons = new FlowPane(4, 4, refresh, resume);
    if (model.canOpenInViewer()) {
      Button best = new Button("Open best in viewer");
      best.setId("open-best");
      best.setOnAction(e -> model.openBestInViewer());
      best.disableProperty()
          .bind(
              Bindings.createBooleanBinding(
                  () ->
                      model.selectedRunProperty().get() == null
                          || model.selectedRunProperty().get().bestModel().isEmpty(),
                  model.selectedRunProperty()));
      Button fin = new Button("Open final in viewer");
      fin.setId("open-final");
      fin.setOnAction(e -> model.openFinalInViewer());
      fin.disableProperty()
          .bind(
              Bindings.createBooleanBinding(
                  () ->
                      model.selectedRunProperty().get() == null
                          || model.selectedRunProperty().get().finalModel().isEmpty(),
                  model.selectedRunProperty()));
      buttons.getChildren().addAll(best, fin);
    }
    root.getChildren().addAll(new Label("Runs"), list, buttons);
  }

  Node root() {
    return root;
  }
}
