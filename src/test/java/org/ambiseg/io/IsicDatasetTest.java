package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsicDatasetTest {

  @TempDir Path dir;

  /** A 5x3 grey image (x, y) = 50x + y + k (real ISIC images are RGB; ImageReader decodes both). */
  private static byte[] grey(int k) throws Exception {
    return DatasetFixtures.greyPng(5, 3, (x, y) -> 50 * x + y + k);
  }

  @Test
  void readsImagesAndMasksFromTwoFolders() throws Exception {
    Path in = dir.resolve("ISIC_Input");
    Path gt = dir.resolve("ISIC_GroundTruth");
    DatasetFixtures.write(in.resolve("ISIC_0000001.png"), grey(7));
    DatasetFixtures.write(in.resolve("ISIC_0000000.png"), grey(9));
    DatasetFixtures.write(in.resolve("ISIC_0000000_superpixels.png"), grey(1));
    DatasetFixtures.write(
        gt.resolve("ISIC_0000000_segmentation.png"),
        DatasetFixtures.maskPng(5, 3, (x, y) -> x == y));
    DatasetFixtures.write(
        gt.resolve("ISIC_0000001_Segmentation.png"), DatasetFixtures.maskPng(5, 3, (x, y) -> true));
    try (Dataset ds = DatasetReaders.open(dir, true)) {
      assertEquals("isic", ds.format());
      assertEquals(List.of("ISIC_0000000", "ISIC_0000001"), List.of(ds.caseId(0), ds.caseId(1)));
      Case c = ds.load(0);
      assertEquals(5, c.image().width());
      assertEquals(3, c.image().height());
      assertEquals((200 + 2 + 9) / 255f, c.image().value(4, 2, 0));
      assertEquals(1, c.raters().size());
      assertEquals(3, c.raters().get(0).foregroundCount());
      assertEquals(15, ds.load(1).raters().get(0).foregroundCount());
    }
  }

  @Test
  void readsImagesAndMasksFromOneFolderAndReportsGaps() throws Exception {
    DatasetFixtures.write(dir.resolve("a.png"), grey(1));
    DatasetFixtures.write(dir.resolve("b.png"), grey(2));
    DatasetFixtures.write(
        dir.resolve("a_segmentation.png"), DatasetFixtures.maskPng(5, 3, (x, y) -> x < 1));
    DatasetFixtures.write(
        dir.resolve("z_segmentation.png"), DatasetFixtures.maskPng(5, 3, (x, y) -> x < 1));
    try (Dataset ds = DatasetReaders.open(dir)) {
      assertEquals(1, ds.size());
      assertEquals("a", ds.caseId(0));
      assertEquals(
          List.of(
              dir.resolve("b.png") + ": no mask b_segmentation.png; left out",
              dir.resolve("z_segmentation.png") + ": mask without an image z.jpg/.png; ignored"),
          ds.problems());
    }
  }

  @Test
  void maskOfAnotherSizeFailsOnLoadNamingTheMask() throws Exception {
    DatasetFixtures.write(dir.resolve("a.png"), grey(1));
    Path mask =
        DatasetFixtures.write(
            dir.resolve("a_segmentation.png"), DatasetFixtures.maskPng(3, 5, (x, y) -> true));
    try (Dataset ds = IsicDataset.open(dir, dir, true)) {
      BadInputException e = assertThrows(BadInputException.class, () -> ds.load(0));
      assertEquals(mask + ": mask is 3x5 but its image is 5x3", e.getMessage());
    }
  }

  @Test
  void folderWithoutMasksIsNotIsic() throws Exception {
    DatasetFixtures.write(dir.resolve("a.png"), grey(1));
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetReaders.open(dir));
    assertTrue(e.getMessage().startsWith(dir + ": unknown dataset layout"), e.getMessage());
  }
}
