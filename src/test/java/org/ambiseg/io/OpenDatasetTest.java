package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format detection and forced formats in {@link DatasetReaders}. */
class OpenDatasetTest {

  @TempDir Path dir;

  @Test
  void detectsEachFormat() throws Exception {
    Path folder = dir.resolve("folder");
    DatasetFixtures.write(
        folder.resolve("images/a.png"), DatasetFixtures.greyPng(2, 2, (x, y) -> 0));
    assertEquals(DatasetFormat.AMBISEG_FOLDER, DatasetReaders.detect(folder));

    Path lidc = dir.resolve("lidc");
    DatasetFixtures.write(
        lidc.resolve("LIDC-IDRI-0001/nodule-0/images/slice-0.png"),
        DatasetFixtures.greyPng(2, 2, (x, y) -> 0));
    assertEquals(DatasetFormat.LIDC_PNG, DatasetReaders.detect(lidc));
    Path zip = Files.write(dir.resolve("x.zip"), new byte[] {'P', 'K', 5, 6});
    assertEquals(DatasetFormat.LIDC_PNG, DatasetReaders.detect(zip));

    Path pickle = Files.write(dir.resolve("data_lidc"), new byte[] {(byte) 0x80, 4, '}', '.'});
    assertEquals(DatasetFormat.LIDC_PICKLE, DatasetReaders.detect(pickle));

    Path isic = dir.resolve("isic");
    DatasetFixtures.write(
        isic.resolve("gt/a_segmentation.png"), DatasetFixtures.greyPng(2, 2, (x, y) -> 0));
    assertEquals(DatasetFormat.ISIC, DatasetReaders.detect(isic));
  }

  @Test
  void forcedFormatIsUsedAsIs() throws Exception {
    Path pickle = Files.write(dir.resolve("empty.bin"), new byte[] {(byte) 0x80, 2, '}', '.'});
    try (Dataset ds = DatasetReaders.open(pickle, DatasetFormat.LIDC_PICKLE, true)) {
      assertEquals(0, ds.size());
      assertEquals(List.of(), ds.problems());
    }
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> DatasetReaders.open(dir, DatasetFormat.AMBISEG_FOLDER, false));
    assertEquals(dir.toString(), e.source());
    assertEquals(DatasetFormat.LIDC_PICKLE, DatasetFormat.fromId("LIDC-pickle"));
  }

  @Test
  void missingPathAndUnknownFilesAreNamed() throws Exception {
    BadInputException missing =
        assertThrows(BadInputException.class, () -> DatasetReaders.open(dir.resolve("nope")));
    assertEquals(dir.resolve("nope") + ": does not exist", missing.getMessage());
    Path txt = Files.writeString(dir.resolve("notes.txt"), "hello");
    BadInputException unknown =
        assertThrows(BadInputException.class, () -> DatasetReaders.open(txt));
    assertTrue(unknown.getMessage().startsWith(txt + ": unknown dataset file"));
  }

  @Test
  void naturalOrderComparesDigitRunsAsNumbers() {
    List<String> ids = new java.util.ArrayList<>(List.of("s-10", "s-2", "s-02x", "s-1", "r"));
    ids.sort(CaseIdOrder.NATURAL);
    assertEquals(List.of("r", "s-1", "s-2", "s-02x", "s-10"), ids);
  }
}
