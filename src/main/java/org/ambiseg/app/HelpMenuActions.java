package org.ambiseg.app;

import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.stage.Window;

/** The Help menu: About (version, licences, data attribution, intended use). */
public final class HelpMenuActions {

  private final AppAction about;

  /** Help actions whose dialogs are owned by {@code owner}. */
  public HelpMenuActions(Supplier<Window> owner) {
    this.about = new AppAction("About AmbiSeg", null, () -> AboutDialog.show(owner.get()));
  }

  /** The Help menu. */
  public Menu menu() {
    Menu menu = new Menu("Help");
    menu.setMnemonicParsing(false);
    menu.getItems().add(about.toMenuItem());
    return menu;
  }
}
