package org.ambiseg.app.training;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.ambiseg.app.training.TrainingViewModel.State;

/**
 * The live part of the dashboard: progress bar, step, steps/s, elapsed and ETA, the pause, resume
 * and stop buttons, one line chart per {@link ChartGroups} chart (shown once it has a series), and
 * the sample strip of the fixed validation case. Only builds nodes and binds them to {@link
 * TrainingViewModel}.
 */
final class LivePane {

  private static final double STRIP_TILE = 88;

  private final TrainingViewModel model;
  private final VBox root = new VBox(8);

  LivePane(TrainingViewModel model) {
    this.model = model;
    root.setPadding(new Insets(0, 8, 0, 8));
    TilePane charts = new TilePane(8, 8);
    charts.setPrefColumns(2);
    for (String name : ChartGroups.ALL) {
      charts.getChildren().add(chart(name));
    }
    VBox.setVgrow(charts, Priority.ALWAYS);
    root.getChildren().addAll(progressRow(), controls(), charts, stripArea());
  }

  Node root() {
    return root;
  }

  private Node progressRow() {
    ProgressBar bar = new ProgressBar();
    bar.setId("progress");
    bar.progressProperty().bind(model.progressProperty());
    bar.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(bar, Priority.ALWAYS);
    Label step = label("step-text", model.stepTextProperty());
    Label rate = label("rate-text", model.rateTextProperty());
    Label elapsed = label("elapsed-text", model.elapsedTextProperty());
    Label eta = label("eta-text", model.etaTextProperty());
    return new HBox(10, bar, step, rate, elapsed, eta);
  }

  private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
    Label l = new Label();
    l.setId(id);
    l.textProperty().bind(text);
    return l;
  }

  private Node controls() {
    Button pause = new Button("Pause");
    pause.setId("pause");
    pause.setOnAction(e -> model.pause());
    pause.disableProperty().bind(model.stateProperty().isNotEqualTo(State.RUNNING));
    Button resume = new Button("Resume");
    resume.setId("resume");
    resume.setOnAction(e -> model.resume());
    resume.disableProperty().bind(model.stateProperty().isNotEqualTo(State.PAUSED));
    Button stop = new Button("Stop");
    stop.setId("stop");
    stop.setOnAction(e -> model.stop());
    stop.disableProperty()
        .bind(
            model
                .stateProperty()
                .isEqualTo(State.IDLE)
                .or(model.stateProperty().isEqualTo(State.STOPPING)));
    Label status = label("training-status", model.statusProperty());
    return new HBox(6, pause, resume, stop, status);
  }

  private Node chart(String name) {
    NumberAxis x = new NumberAxis();
    x.setLabel("step");
    x.setForceZeroInRange(false);
    NumberAxis y = new NumberAxis();
    y.setForceZeroInRange(false);
    LineChart<Number, Number> chart = new LineChart<>(x, y, model.chart(name));
    chart.setId("chart-" + name.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
    chart.setTitle(name);
    chart.setAnimated(false);
    chart.setCreateSymbols(name.equals(ChartGroups.VALIDATION));
    chart.setPrefSize(360, 220);
    chart.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.chart(name)));
    chart.managedProperty().bind(chart.visibleProperty());
    return chart;
  }

  private Node stripArea() {
    Label title = new Label("Samples of one selection case (refreshed at each validation)");
    FlowPane tiles = new FlowPane(6, 6);
    tiles.setId("sample-strip");
    model
        .stripProperty()
        .addListener(
            (obs, old, s) -> {
              tiles.getChildren().clear();
              if (s == null) {
                return;
              }
              tiles.getChildren().add(Pictures.tile(s.image(), s.caseId(), STRIP_TILE));
              for (int i = 0; i < s.samples().size(); i++) {
                tiles
                    .getChildren()
                    .add(Pictures.tile(s.samples().get(i), "sample " + (i + 1), STRIP_TILE));
              }
              tiles.getChildren().add(Pictures.tile(s.mean(), "mean", STRIP_TILE));
              tiles.getChildren().add(Pictures.tile(s.variance(), "variance", STRIP_TILE));
              title.setText(
                  "Samples of "
                      + s.caseId()
                      + " at step "
                      + s.step()
                      + " (refreshed at each validation)");
            });
    return new VBox(4, title, tiles);
  }
}
