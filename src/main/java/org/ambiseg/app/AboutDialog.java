package org.ambiseg.app;

import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** The Help > About dialog: shows {@link Notices#about()} in selectable text. */
public final class AboutDialog {

  private AboutDialog() {}

  /** Opens the dialog (non-blocking) over {@code owner}. */
  public static void show(Window owner) {
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.initOwner(owner);
    alert.setTitle("About AmbiSeg");
    alert.setHeaderText("AmbiSeg");
    TextArea text = new TextArea(Notices.about());
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefColumnCount(60);
    text.setPrefRowCount(14);
    alert.getDialogPane().setContent(text);
    alert.getDialogPane().setId("about-dialog");
    alert.setResizable(true);
    alert.show();
  }
}
