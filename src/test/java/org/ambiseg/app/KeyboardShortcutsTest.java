package org.ambiseg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Help > Keyboard shortcuts lists exactly the menu items with accelerators, nested ones too. */
class KeyboardShortcutsTest {

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void listsEveryAcceleratorWithItsMenuPathThenTheFixedKeys() {
    MenuItem open = new MenuItem("Open image...");
    open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.CONTROL_DOWN));
    MenuItem plain = new MenuItem("Quit");
    Menu recent = new Menu("Open recent");
    MenuItem gif = new MenuItem("Samples as GIF");
    gif.setAccelerator(
        new KeyCodeCombination(KeyCode.G, KeyCombination.CONTROL_DOWN, KeyCombination.SHIFT_DOWN));
    recent.getItems().add(gif);
    Menu file = new Menu("File", null, open, plain, recent);

    List<KeyboardShortcuts.Row> rows = KeyboardShortcuts.of(List.of(file));

    assertEquals(2 + KeyboardShortcuts.FIXED.size(), rows.size());
    assertEquals("File > Open image...", rows.get(0).action());
    assertEquals(open.getAccelerator().getDisplayText(), rows.get(0).keys());
    assertEquals("File > Open recent > Samples as GIF", rows.get(1).action());
    assertEquals(KeyboardShortcuts.FIXED, rows.subList(2, rows.size()));
  }
}
