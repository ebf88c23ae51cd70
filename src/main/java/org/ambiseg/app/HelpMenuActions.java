package org.ambiseg.app;

import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The Help menu: Keyboard shortcuts (read from the menus themselves) and About (version, licences,
 * data attribution, intended use).
 */
public final class HelpMenuActions {

  private final AppAction about;
  private final AppAction shortcuts;

  /**
   * Help actions whose dialogs are owned by {@code owner}; {@code menus} gives the menu bar's menus
   * when the shortcuts are asked for.
   */
  public HelpMenuActions(Supplier<Window> owner, Supplier<List<Menu>> menus) {
    this.about = new AppAction("About AmbiSeg", null, () -> AboutDialog.show(owner.get()));
    this.shortcuts =
        new AppAction(
            "Keyboard shortcuts",
            null,
            () -> showShortcuts(owner.get(), KeyboardShortcuts.of(menus.get())));
  }

  /** The Help menu. */
  public Menu menu() {
    Menu menu = new Menu("Help");
    menu.setMnemonicParsing(false);
    menu.getItems().addAll(shortcuts.toMenuItem(), about.toMenuItem());
    return menu;
  }

  private static void showShortcuts(Window owner, List<KeyboardShortcuts.Row> rows) {
    GridPane grid = new GridPane();
    grid.setId("shortcuts-table");
    grid.setHgap(16);
    grid.setVgap(4);
    grid.setPadding(new Insets(8));
    for (int i = 0; i < rows.size(); i++) {
      Label keys = new Label(rows.get(i).keys());
      keys.setStyle("-fx-font-weight: bold");
      grid.addRow(i, keys, new Label(rows.get(i).action()));
    }
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.initOwner(owner);
    alert.setTitle("Keyboard shortcuts");
    alert.setHeaderText("Keyboard shortcuts");
    alert.getDialogPane().setContent(grid);
    alert.show();
  }
}
