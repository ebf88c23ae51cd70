package org.ambiseg.app;

import java.util.Objects;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;

/**
 * One user command as data: its menu text, optional keyboard shortcut and what it does (usually a
 * single view-model call).
 *
 * @param text the menu text
 * @param accelerator the shortcut, or null for none
 * @param handler what the command does; runs on the FX thread
 */
public record AppAction(String text, KeyCombination accelerator, Runnable handler) {

  /** Checks that text and handler are given. */
  public AppAction {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(handler, "handler");
  }

  /** A menu item that runs this action. */
  public MenuItem toMenuItem() {
    MenuItem item = new MenuItem(text);
    item.setMnemonicParsing(false);
    if (accelerator != null) {
      item.setAccelerator(accelerator);
    }
    item.setOnAction(e -> handler.run());
    return item;
  }
}
