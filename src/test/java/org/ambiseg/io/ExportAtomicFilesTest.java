package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes: the target holds the old or the whole new content, no temporary file is left. */
class ExportAtomicFilesTest {

  @TempDir Path dir;

  private List<Path> folderContents() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void writesAndReplaces() throws Exception {
    Path target = dir.resolve("model.json");
    AtomicFiles.writeString(target, "first");
    AtomicFiles.writeString(target, "second, longer");
    assertEquals("second, longer", Files.readString(target));
    assertEquals(List.of(target), folderContents());
  }

  @Test
  void failedWriteKeepsTheOldFileAndLeavesNoTemporary() throws Exception {
    Path target = dir.resolve("checkpoint.bin");
    AtomicFiles.writeBytes(target, new byte[] {1, 2, 3});
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write(new byte[] {9, 9});
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    assertEquals(List.of(target), folderContents());
  }

  @Test
  void writerMayCloseTheStreamAndFoldersAreCreated() throws Exception {
    Path target = dir.resolve("a/b/c.txt");
    AtomicFiles.write(
        target,
        out -> {
          out.write('x');
          out.close();
        });
    assertEquals("x", Files.readString(target));
  }
}
