package org.ambiseg.app.session;

import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The model picker: a list of the shipped and user models (name and type) and, for the chosen one,
 * its type, training data and validation metrics from model.json. Choosing a model calls {@link
 * CaseSession#openModel}; the box follows the session's model.
 */
public final class ModelPickerView {

  private final VBox root = new VBox(4);
  private boolean following;

  /** The picker for {@code session}'s models. */
  public ModelPickerView(CaseSession session) {
    ComboBox<ModelEntry> box = new ComboBox<>(session.models());
    box.setId("model-picker");
    box.setPromptText(session.models().isEmpty() ? "No models found" : "Choose a model");
    box.valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (!following && now != null && now != session.modelProperty().get()) {
                session.openModel(now.dir());
              }
            });
    Label details = new Label();
    details.setId("model-details");
    details.setWrapText(true);
    details.getStyleClass().add("model-details");
    session
        .modelProperty()
        .addListener(
            (obs, old, now) -> {
              following = true;
              box.setValue(now);
              following = false;
              details.setText(now == null ? "" : now.describe());
            });
    box.valueProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                details.setText(now.describe());
              }
            });
    root.getChildren().addAll(new HBox(6, new Label("Model"), box), details);
  }

  /** The root node. */
  public Parent root() {
    return root;
  }
}
