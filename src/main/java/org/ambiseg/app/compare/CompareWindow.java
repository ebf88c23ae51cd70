package org.ambiseg.app.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ambiseg.app.WindowSizing;
import org.ambiseg.core.Case;

/**
 * The compare window: one column per chosen estimator, side by side on the viewer's case with the
 * same N and seed, and a tool bar to add an estimator (a choice of the available models, each as
 * its default estimator and, for deterministic networks, as TTA) or cancel the running work.
 * Closing the window closes the view-model and so its estimators.
 */
public final class CompareWindow {

  /** Window title. */
  public static final String TITLE = "AmbiSeg \u2014 Compare estimators";

  private final CompareViewModel model;
  private final Stage stage = new Stage();
  private final HBox columns = new HBox(8);
  private final List<ColumnView> views = new ArrayList<>();

  /** A window owned by {@code owner} (may be null) showing {@code model}. */
  public CompareWindow(Window owner, CompareViewModel model) {
    this.model = model;
    if (owner != null) {
      stage.initOwner(owner);
    }
    ChoiceBox<EstimatorChoice> choice = new ChoiceBox<>();
    choice.setId("compare-choice");
    choice.getItems().setAll(model.choices());
    if (!choice.getItems().isEmpty()) {
      choice.setValue(choice.getItems().get(0));
    }
    Button add = new Button("Add");
    add.setId("compare-add");
    add.disableProperty().bind(choice.valueProperty().isNull());
    add.setOnAction(e -> model.add(choice.getValue()));
    Button cancel = new Button("Cancel");
    cancel.setId("compare-cancel");
    cancel.setOnAction(e -> model.cancel());
    Label context = new Label();
    context.setId("compare-context");
    context
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> contextText(model),
                model.caseProperty(),
                model.sampleCountProperty(),
                model.seedProperty()));
    ToolBar tools = new ToolBar(new Label("Estimator"), choice, add, cancel, context);

    columns.setId("compare-columns");
    columns.setPadding(new Insets(8));
    model.columns().addListener((ListChangeListener<CompareColumn>) c -> rebuild());
    rebuild();
    ScrollPane scroll = new ScrollPane(columns);

    BorderPane root = new BorderPane(scroll);
    root.setTop(tools);
    root.setId("compare-root");
    Dimension2D size = WindowSizing.fit(1100, 760, Screen.getPrimary().getVisualBounds());
    stage.setTitle(TITLE);
    stage.setScene(new Scene(root, size.getWidth(), size.getHeight()));
    stage.setOnHidden(e -> model.close());
  }

  /** The window. */
  public Stage stage() {
    return stage;
  }

  /** The view-model the window shows. */
  public CompareViewModel model() {
    return model;
  }

  /** Shows the window. */
  public void show() {
    stage.show();
  }

  /** One view per column, indexed from 0 in column order (ids follow the index). */
  private void rebuild() {
    views.forEach(ColumnView::dispose);
    views.clear();
    List<Node> nodes = new ArrayList<>();
    List<CompareColumn> list = model.columns();
    for (int i = 0; i < list.size(); i++) {
      ColumnView view = new ColumnView(list.get(i), i, model::remove);
      views.add(view);
      nodes.add(view.root());
    }
    columns.getChildren().setAll(nodes);
  }

  private static String contextText(CompareViewModel model) {
    Case c = model.caseProperty().get();
    String name = c == null ? "no case open" : "case " + c.id();
    return name
        + " \u00b7 N = "
        + model.sampleCountProperty().get()
        + " \u00b7 seed "
        + model.seedProperty().get();
  }
}
