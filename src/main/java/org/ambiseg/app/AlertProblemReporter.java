package org.ambiseg.app;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** Shows each reported problem as an error dialog over the main window; the app stays usable. */
public final class AlertProblemReporter implements ProblemReporter {

  /** Id of the dialog pane, for tests and styling. */
  public static final String DIALOG_ID = "problem-dialog";

  private final Supplier<Window> owner;

  /** A reporter whose dialogs are owned by {@code owner}. */
  public AlertProblemReporter(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public void report(String headline, String message) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    alert.initOwner(owner.get());
    alert.setTitle("AmbiSeg");
    alert.setHeaderText(headline);
    alert.setContentText(message);
    alert.getDialogPane().setId(DIALOG_ID);
    alert.setResizable(true);
    alert.show();
  }
}
