package org.ambiseg.app.training;

import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.ambiseg.app.WindowSizing;

/**
 * The training dashboard's window: the form on the left, the live charts and sample strip in the
 * middle, the run history on the right. Closing it while a run goes asks first, then writes a
 * checkpoint and stops the run before the window closes.
 */
public final class TrainingWindow {

  /** Window title. */
  public static final String TITLE = "AmbiSeg \u2014 Training";

  /** Id of the dialog asking whether to stop a run when the window closes. */
  public static final String CLOSE_DIALOG_ID = "close-training-dialog";

  private final TrainingViewModel model;
  private final Stage stage = new Stage();

  /** A window for {@code model}: a separate top-level window, so it never hides the viewer. */
  public TrainingWindow(TrainingViewModel model) {
    this.model = model;
    BorderPane root = new BorderPane();
    root.setId("training-root");
    root.setPadding(new Insets(8));
    ScrollPane setup = new ScrollPane(new SetupPane(model, () -> stage).root());
    setup.setFitToWidth(true);
    setup.setPrefWidth(380);
    root.setLeft(setup);
    ScrollPane live = new ScrollPane(new LivePane(model).root());
    live.setFitToWidth(true);
    root.setCenter(live);
    root.setRight(new HistoryPane(model).root());
    stage.setTitle(TITLE);
    Dimension2D size = WindowSizing.fit(1360, 820, Screen.getPrimary().getVisualBounds());
    stage.setScene(new Scene(root, size.getWidth(), size.getHeight()));
    stage.setOnCloseRequest(this::onCloseRequest);
  }

  /** The window. */
  public Stage stage() {
    return stage;
  }

  /** Shows the window and lists the runs folder. */
  public void show() {
    stage.show();
    model.refreshRuns();
  }

  private void onCloseRequest(WindowEvent event) {
    if (!model.isTraining()) {
      return;
    }
    event.consume();
    Alert ask =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "A checkpoint is written first; the run can be resumed later from the history.",
            ButtonType.OK,
            ButtonType.CANCEL);
    ask.initOwner(stage);
    ask.setTitle(TITLE);
    ask.setHeaderText("Stop training and close?");
    ask.getDialogPane().setId(CLOSE_DIALOG_ID);
    ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.stopThen(stage::close));
  }
}
