package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLayoutDatasetTest {

  private static final int W = 6;
  private static final int H = 4;

  @TempDir Path dir;

  /** Case k: image (x, y) = 10x + 50y + k; rater r2 marks x < 2, rater r10 marks y < 1. */
  private void writeCase(Path root, String id, int k) throws IOException {
    DatasetFixtures.write(
        root.resolve("images/" + id + ".png"),
        DatasetFixtures.greyPng(W, H, (x, y) -> 10 * x + 50 * y + k));
    DatasetFixtures.write(
        root.resolve("masks/" + id + "/r2.png"), DatasetFixtures.maskPng(W, H, (x, y) -> x < 2));
    DatasetFixtures.write(
        root.resolve("masks/" + id + "/r10.png"), DatasetFixtures.maskPng(W, H, (x, y) -> y < 1));
  }

  @Test
  void readsCasesInNaturalIdOrderWithRatersInNaturalNameOrder() throws Exception {
    writeCase(dir, "case-10", 10);
    writeCase(dir, "case-2", 2);
    writeCase(dir, "case-1", 1);
    try (Dataset ds = DatasetReaders.open(dir)) {
      assertEquals("ambiseg-folder", ds.format());
      assertEquals(3, ds.size());
      assertEquals(
          List.of("case-1", "case-2", "case-10"),
          List.of(ds.caseId(0), ds.caseId(1), ds.caseId(2)));
      assertEquals(Optional.empty(), ds.patientId(0));
      assertEquals(List.of(), ds.problems());
      Case c = ds.load(2);
      assertEquals("case-10", c.id());
      assertEquals(W, c.image().width());
      assertEquals(H, c.image().height());
      assertEquals((30 + 100 + 10) / 255f, c.image().value(3, 2, 0));
      assertEquals(2, c.raters().size());
      // r2 before r10: first rater marks the two left columns (2 x 4 pixels), second the top row.
      assertEquals(8, c.raters().get(0).foregroundCount());
      assertEquals(1, c.raters().get(0).label(1, 3));
      assertEquals(0, c.raters().get(0).label(2, 0));
      assertEquals(6, c.raters().get(1).foregroundCount());
    }
  }

  @Test
  void readsInterpretationsFromTruthJson() throws Exception {
    writeCase(dir, "a", 0);
    writeCase(dir, "b", 1);
    boolean[] left = new boolean[W * H];
    left[0] = true;
    left[7] = true;
    LabelMask core = LabelMask.binary(W, H, left);
    TruthJson.write(
        dir,
        Map.of(
            "a",
            List.of(
                new Interpretation("core", 0.25, core),
                new Interpretation("nothing", 0.75, LabelMask.empty(W, H)))));
    try (FolderLayoutDataset ds = FolderLayoutDataset.open(dir, true)) {
      assertTrue(ds.hasTruth());
      List<Interpretation> truth = ds.interpretations(0);
      assertEquals(2, truth.size());
      assertEquals("core", truth.get(0).name());
      assertEquals(0.25, truth.get(0).probability());
      assertEquals(core, truth.get(0).mask());
      assertEquals(0, truth.get(1).mask().foregroundCount());
      assertEquals(List.of(), ds.interpretations(1));
    }
  }

  @Test
  void caseWithMissingRaterFileIsLeftOutAndNamed() throws Exception {
    writeCase(dir, "a", 0);
    writeCase(dir, "b", 1);
    writeCase(dir, "c", 2);
    Files.delete(dir.resolve("masks/b/r10.png"));
    try (Dataset ds = DatasetReaders.open(dir)) {
      assertEquals(2, ds.size());
      assertEquals(List.of("a", "c"), List.of(ds.caseId(0), ds.caseId(1)));
      assertEquals(1, ds.problems().size());
      String p = ds.problems().get(0);
      assertTrue(p.startsWith(dir.resolve("masks/b") + ": has 1 rater masks"), p);
      assertTrue(p.contains("other cases have 2 (missing r10.png)"), p);
    }
    BadInputException e =
        assertThrows(BadInputException.class, () -> DatasetReaders.open(dir, true));
    assertEquals(dir.resolve("masks/b").toString(), e.source());
    assertTrue(e.getMessage().contains("missing r10.png"), e.getMessage());
  }

  @Test
  void maskOfAnotherSizeFailsOnLoadNamingTheMaskFile() throws Exception {
    writeCase(dir, "a", 0);
    writeCase(dir, "b", 1);
    Path bad = dir.resolve("masks/b/r2.png");
    DatasetFixtures.write(bad, DatasetFixtures.maskPng(W, H + 1, (x, y) -> true));
    try (Dataset ds = DatasetReaders.open(dir, true)) {
      assertEquals(List.of(), ds.problems());
      ds.load(0);
      BadInputException e = assertThrows(BadInputException.class, () -> ds.load(1));
      assertEquals(bad + ": mask is 6x5 but its image is 6x4", e.getMessage());
    }
  }

  @Test
  void datasetWithSomeBadCasesCollectsProblemsAndKeepsTheGoodOnes() throws Exception {
    for (int k = 0; k < 4; k++) {
      writeCase(dir, "c" + k, k);
    }
    Files.write(dir.resolve("images/c3.png"), new byte[] {1, 2, 3});
    DatasetFixtures.write(
        dir.resolve("masks/orphan/r2.png"), DatasetFixtures.maskPng(W, H, (x, y) -> true));
    Files.delete(dir.resolve("masks/c1/r2.png"));
    try (Dataset ds = DatasetReaders.open(dir)) {
      assertEquals(List.of("c0", "c2", "c3"), List.of(ds.caseId(0), ds.caseId(1), ds.caseId(2)));
      assertEquals(2, ds.problems().size(), ds.problems().toString());
      assertTrue(ds.problems().get(0).startsWith(dir.resolve("masks/orphan").toString()));
      assertTrue(ds.problems().get(1).startsWith(dir.resolve("masks/c1").toString()));
      assertEquals(2, ds.load(1).raters().size());
      BadInputException e = assertThrows(BadInputException.class, () -> ds.load(2));
      assertEquals(dir.resolve("images/c3.png").toString(), e.source());
    }
    BadInputException strict =
        assertThrows(BadInputException.class, () -> DatasetReaders.open(dir, true));
    assertEquals(dir.resolve("masks/orphan").toString(), strict.source());
  }

  @Test
  void splitFoldersAreOpenedOneAtATime() throws Exception {
    writeCase(dir.resolve("train"), "t1", 1);
    writeCase(dir.resolve("train"), "t2", 2);
    writeCase(dir.resolve("val"), "v1", 3);
    writeCase(dir.resolve("test"), "x1", 4);
    assertEquals(List.of("train", "val", "test"), DatasetReaders.splits(dir));
    try (Dataset test = DatasetReaders.open(dir.resolve("test"))) {
      assertEquals(1, test.size());
      assertEquals("x1", test.caseId(0));
      assertEquals("test", test.name());
    }
    try (Dataset train = DatasetReaders.open(dir.resolve("train"))) {
      assertEquals(2, train.size());
    }
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetReaders.open(dir));
    assertTrue(e.getMessage().contains("holds the splits train, val, test"), e.getMessage());
  }

  @Test
  void folderWithoutImagesIsNotThisLayout() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> FolderLayoutDataset.open(dir, false));
    assertEquals(dir + ": not an AmbiSeg dataset folder: it has no images/ folder", e.getMessage());
  }
}
