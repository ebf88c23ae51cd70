package org.ambiseg.app;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

/**
 * The keyboard shortcuts of the app as (keys, action) rows: every menu item with an accelerator,
 * found by walking the menus, plus the keys that belong to no menu item (the case list's arrows).
 * Help > Keyboard shortcuts shows them, so the list can never disagree with the menus.
 */
final class KeyboardShortcuts {

  /** Keys handled outside the menus. */
  static final List<Row> FIXED =
      List.of(
          new Row("Left / Right", "Previous / next case of the open dataset"),
          new Row("Escape", "Close a dialog"));

  /** One shortcut. */
  record Row(String keys, String action) {}

  private KeyboardShortcuts() {}

  /** The shortcuts of {@code menus} (menu path as the action) followed by {@link #FIXED}. */
  static List<Row> of(List<Menu> menus) {
    List<Row> rows = new ArrayList<>();
    for (Menu m : menus) {
      collect(m, m.getText(), rows);
    }
    rows.addAll(FIXED);
    return rows;
  }

  private static void collect(Menu menu, String path, List<Row> rows) {
    for (MenuItem item : menu.getItems()) {
      String here = path + " > " + item.getText();
      if (item instanceof Menu sub) {
        collect(sub, here, rows);
      } else if (item.getAccelerator() != null) {
        rows.add(new Row(item.getAccelerator().getDisplayText(), here));
      }
    }
  }
}
