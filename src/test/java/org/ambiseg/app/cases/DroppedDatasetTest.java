package org.ambiseg.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ambiseg.app.DroppedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which dropped file opens as a dataset: the first folder, zip or pickle. */
class DroppedDatasetTest {

  @TempDir Path tmp;

  @Test
  void firstFolderZipOrPickleIsADataset() throws Exception {
    File png = Files.writeString(tmp.resolve("a.png"), "x").toFile();
    File zip = Files.writeString(tmp.resolve("val.ZIP"), "x").toFile();
    File pkl = Files.writeString(tmp.resolve("lidc.pickle"), "x").toFile();
    File folder = Files.createDirectory(tmp.resolve("cases")).toFile();
    File text = Files.writeString(tmp.resolve("notes.txt"), "x").toFile();

    assertEquals(Optional.of(zip.toPath()), DroppedFiles.firstDataset(List.of(png, zip, folder)));
    assertEquals(Optional.of(folder.toPath()), DroppedFiles.firstDataset(List.of(text, folder)));
    assertEquals(Optional.of(pkl.toPath()), DroppedFiles.firstDataset(List.of(png, pkl)));
    assertEquals(Optional.empty(), DroppedFiles.firstDataset(List.of(png, text)));
    assertEquals(Optional.empty(), DroppedFiles.firstDataset(null));
    assertEquals(Optional.of(png.toPath()), DroppedFiles.firstImage(List.of(folder, zip, png)));
  }
}
