package org.ambiseg.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Menu;
import org.ambiseg.app.cases.RecentFile.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The File > Open recent menu built from a recent-files list. */
class RecentFilesMenuTest {

  @TempDir Path tmp;

  @BeforeAll
  static void startToolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  private Path file(String name) throws IOException {
    return Files.writeString(tmp.resolve(name), name);
  }

  @Test
  void menuListsEntriesAndHandsTheChosenOneOn() throws IOException {
    Path store = tmp.resolve("recent.json");
    RecentFiles recent = new RecentFiles(store);
    var menu = RecentFilesMenu.create(recent, e -> {});
    assertEquals(List.of(RecentFilesMenu.EMPTY_TEXT), texts(menu));
    assertTrue(menu.getItems().get(0).isDisable());

    Path data = Files.createDirectory(tmp.resolve("val"));
    recent.add(file("scan.png"), Kind.IMAGE);
    recent.add(data, Kind.DATASET);
    List<RecentFile> chosen = new ArrayList<>();
    RecentFilesMenu.refresh(menu, recent, chosen::add);
    assertEquals(
        List.of(
            "val [dataset]  (" + tmp.toAbsolutePath() + ")",
            "scan.png  (" + tmp.toAbsolutePath() + ")",
            "",
            RecentFilesMenu.CLEAR_TEXT),
        texts(menu));
    menu.getItems().get(1).fire();
    assertEquals(List.of(new RecentFile(tmp.resolve("scan.png"), Kind.IMAGE)), chosen);
    menu.getItems().get(3).fire();
    assertEquals(List.of(RecentFilesMenu.EMPTY_TEXT), texts(menu));
    assertEquals(List.of(), new RecentFiles(store).entries());
  }

  private static List<String> texts(Menu menu) {
    return menu.getItems().stream().map(i -> i.getText() == null ? "" : i.getText()).toList();
  }
}
