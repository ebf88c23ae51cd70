package org.ambiseg.app;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/** The File menu: open an image (Ctrl+O), the items given by the caller, and exit. */
public final class FileMenuActions {

  /** Menu text of the open command. */
  public static final String OPEN_TEXT = "Open image...";

  private final AppAction open;
  private final AppAction exit;

  /**
   * File actions that ask {@code chooser} for a file (owned by {@code owner}), open it in {@code
   * model}, and run {@code exitApp} on Exit.
   */
  public FileMenuActions(
      MainViewModel model, ImageFileChooser chooser, Supplier<Window> owner, Runnable exitApp) {
    this.open =
        new AppAction(
            OPEN_TEXT,
            new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
            () -> chooser.chooseImage(owner.get()).ifPresent(model::openImage));
    this.exit = new AppAction("Exit", null, exitApp);
  }

  /** The File menu. */
  public Menu menu() {
    return menu(List.of());
  }

  /** The File menu with {@code more} items (dataset opening, recent files) after Open image. */
  public Menu menu(List<MenuItem> more) {
    Menu menu = new Menu("File");
    menu.setMnemonicParsing(false);
    menu.getItems().add(open.toMenuItem());
    menu.getItems().addAll(more);
    menu.getItems().addAll(new SeparatorMenuItem(), exit.toMenuItem());
    return menu;
  }
}
