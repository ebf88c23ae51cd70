package org.ambiseg.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ambiseg.app.cases.RecentFile.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent-files list: order, limit, duplicates, pruning, persistence and atomic writes. */
class RecentFilesTest {

  @TempDir Path tmp;

  private Path file(String name) throws IOException {
    return Files.writeString(tmp.resolve(name), name);
  }

  private static List<String> names(RecentFiles r) {
    return r.entries().stream().map(e -> e.path().getFileName().toString()).toList();
  }

  @Test
  void mostRecentFirstWithoutDuplicatesAndAtMostTen() throws IOException {
    Path store = tmp.resolve("conf").resolve("recent.json");
    RecentFiles recent = new RecentFiles(store);
    assertEquals(List.of(), recent.entries(), "no store yet: empty");
    for (int i = 0; i < 12; i++) {
      recent.add(file("f" + i + ".png"), Kind.IMAGE);
    }
    assertEquals(
        List.of(
            "f11.png", "f10.png", "f9.png", "f8.png", "f7.png", "f6.png", "f5.png", "f4.png",
            "f3.png", "f2.png"),
        names(recent));
    recent.add(tmp.resolve("f5.png"), Kind.IMAGE);
    assertEquals("f5.png", names(recent).get(0), "re-opening moves an entry to the top");
    assertEquals(10, recent.entries().size(), "and does not duplicate it");
    assertEquals("f11.png", names(recent).get(1));
  }

  @Test
  void persistsKindsAndPrunesMissingFiles() throws IOException {
    Path store = tmp.resolve("recent.json");
    Path data = Files.createDirectory(tmp.resolve("data-folder"));
    Path image = file("scan.dcm");
    Path gone = file("gone.png");
    RecentFiles first = new RecentFiles(store);
    first.add(gone, Kind.IMAGE);
    first.add(data, Kind.DATASET);
    first.add(image, Kind.IMAGE);
    Files.delete(gone);

    RecentFiles reread = new RecentFiles(store);
    assertEquals(
        List.of(new RecentFile(image, Kind.IMAGE), new RecentFile(data, Kind.DATASET)),
        reread.entries());
    String json = Files.readString(store, StandardCharsets.UTF_8);
    assertTrue(json.contains("\"kind\": \"dataset\""), json);
    assertTrue(json.contains("gone.png"), "pruned on reading, rewritten on the next change");
    reread.add(image, Kind.IMAGE);
    assertTrue(!Files.readString(store).contains("gone.png"), "the next write drops it");
  }

  @Test
  void writesAtomicallyLeavingNoTemporaryFiles() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("store"));
    Path store = folder.resolve("recent.json");
    RecentFiles recent = new RecentFiles(store);
    recent.add(file("a.png"), Kind.IMAGE);
    recent.add(file("b.png"), Kind.IMAGE);
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(store), files.toList(), "only the store, no .tmp left behind");
    }
    String expected =
        "{\n  \"version\": 1,\n  \"files\": [\n    {\n      \"path\": \""
            + tmp.resolve("b.png").toAbsolutePath()
            + "\",\n      \"kind\": \"image\"\n    },\n    {\n      \"path\": \""
            + tmp.resolve("a.png").toAbsolutePath()
            + "\",\n      \"kind\": \"image\"\n    }\n  ]\n}\n";
    assertEquals(expected, Files.readString(store, StandardCharsets.UTF_8));
    recent.clear();
    assertEquals(List.of(), new RecentFiles(store).entries());
  }

  @Test
  void unreadableStoreStartsEmpty() throws IOException {
    Path store = Files.writeString(tmp.resolve("recent.json"), "{ not json");
    RecentFiles recent = new RecentFiles(store);
    assertEquals(List.of(), recent.entries());
    recent.add(file("x.png"), Kind.IMAGE);
    assertEquals(
        List.of("x.png"), names(new RecentFiles(store)), "and is replaced on the next add");
  }

  @Test
  void locationCanBeOverridden() {
    String old = System.getProperty(RecentFiles.LOCATION_PROPERTY);
    try {
      System.setProperty(RecentFiles.LOCATION_PROPERTY, tmp.resolve("r.json").toString());
      assertEquals(tmp.resolve("r.json"), RecentFiles.defaultLocation());
      System.clearProperty(RecentFiles.LOCATION_PROPERTY);
      assertEquals(
          Path.of(System.getProperty("user.home"), ".ambiseg", "recent.json"),
          RecentFiles.defaultLocation());
    } finally {
      if (old != null) {
        System.setProperty(RecentFiles.LOCATION_PROPERTY, old);
      }
    }
  }
}
