package org.ambiseg.app.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/**
 * Builds the File &gt; Open recent menu from a {@link RecentFiles} list: one item per entry (file
 * name, then its folder), rebuilt each time the menu opens so that new and vanished files show, and
 * a "Clear list" item. Choosing an entry hands it to the callback, which opens it as an image or a
 * dataset according to {@link RecentFile#kind()}.
 */
public final class RecentFilesMenu {

  /** The menu's text. */
  public static final String TEXT = "Open recent";

  /** Text of the disabled item shown when the list is empty. */
  public static final String EMPTY_TEXT = "(no recent files)";

  /** Text of the item that empties the list. */
  public static final String CLEAR_TEXT = "Clear list";

  private RecentFilesMenu() {}

  /** The menu for {@code recent}; choosing an entry calls {@code open} on the FX thread. */
  public static Menu create(RecentFiles recent, Consumer<RecentFile> open) {
    Menu menu = new Menu(TEXT);
    menu.setMnemonicParsing(false);
    menu.setId("recent-menu");
    menu.setOnShowing(e -> refresh(menu, recent, open));
    refresh(menu, recent, open);
    return menu;
  }

  /** Rebuilds the items of {@code menu} from the current list. */
  public static void refresh(Menu menu, RecentFiles recent, Consumer<RecentFile> open) {
    List<RecentFile> entries = recent.entries();
    menu.getItems().clear();
    if (entries.isEmpty()) {
      MenuItem none = new MenuItem(EMPTY_TEXT);
      none.setDisable(true);
      menu.getItems().add(none);
      return;
    }
    for (RecentFile entry : entries) {
      MenuItem item = new MenuItem(label(entry));
      item.setMnemonicParsing(false);
      item.setOnAction(e -> open.accept(entry));
      menu.getItems().add(item);
    }
    MenuItem clear = new MenuItem(CLEAR_TEXT);
    clear.setOnAction(
        e -> {
          recent.clear();
          refresh(menu, recent, open);
        });
    menu.getItems().addAll(new SeparatorMenuItem(), clear);
  }

  /** The item text: "name (folder)", with "[dataset]" for datasets. */
  static String label(RecentFile entry) {
    Path p = entry.path();
    Path parent = p.getParent();
    String where = parent == null ? "" : "  (" + parent + ")";
    String kind = entry.kind() == RecentFile.Kind.DATASET ? " [dataset]" : "";
    return DisplayNames.of(p) + kind + where;
  }
}
