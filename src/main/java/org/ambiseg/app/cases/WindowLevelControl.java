package org.ambiseg.app.cases;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The CT window control: one button per {@link WindowPreset} and free level and width sliders, all
 * bound to a {@link WindowLevel}; a label shows the current values in HU.
 */
public final class WindowLevelControl {

  private final HBox root = new HBox(6);

  /** Builds the control for {@code model}. */
  public WindowLevelControl(WindowLevel model) {
    root.setId("window-level");
    root.getStyleClass().add("window-level");
    root.setAlignment(Pos.CENTER_LEFT);
    for (WindowPreset preset : WindowPreset.values()) {
      Button b = new Button(preset.text());
      b.setId("window-" + preset.name().toLowerCase(Locale.ROOT));
      b.setOnAction(e -> model.apply(preset));
      root.getChildren().add(b);
    }
    Slider level = slider(WindowLevel.MIN_LEVEL, WindowLevel.MAX_LEVEL, "window-level-slider");
    level.valueProperty().bindBidirectional(model.levelProperty());
    Slider width = slider(WindowLevel.MIN_WIDTH, WindowLevel.MAX_WIDTH, "window-width-slider");
    width.valueProperty().bindBidirectional(model.widthProperty());
    Label values = new Label();
    values.setId("window-values");
    values
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    String.format(
                        Locale.ROOT,
                        "L %.0f  W %.0f HU",
                        model.windowProperty().get().level(),
                        model.windowProperty().get().width()),
                model.windowProperty()));
    root.getChildren().addAll(new Label("Level"), level, new Label("Width"), width, values);
  }

  /** The root node. */
  public Parent root() {
    return root;
  }

  private static Slider slider(double min, double max, String id) {
    Slider s = new Slider(min, max, min);
    s.setId(id);
    s.setPrefWidth(140);
    HBox.setHgrow(s, Priority.SOMETIMES);
    return s;
  }
}
