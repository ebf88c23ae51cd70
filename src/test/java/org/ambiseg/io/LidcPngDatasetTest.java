package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.ProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LidcPngDatasetTest {

  private static final String ROOT = "LIDC-IDRI-slices/";

  @TempDir Path dir;

  /**
   * Entries for one slice of 8x8: image (x, y) = 8y + x + 3k; mask slot r marks x < r (so slot 0 is
   * empty, as often in LIDC).
   */
  private static void slice(Map<String, byte[]> out, String patient, int nodule, int k)
      throws IOException {
    String base = ROOT + patient + "/nodule-" + nodule + "/";
    out.put(
        base + "images/slice-" + k + ".png",
        DatasetFixtures.greyPng(8, 8, (x, y) -> 8 * y + x + 3 * k));
    for (int r = 0; r < 4; r++) {
      int slot = r;
      out.put(
          base + "mask-" + r + "/slice-" + k + ".png",
          DatasetFixtures.maskPng(8, 8, (x, y) -> x < slot));
    }
  }

  private static Map<String, byte[]> twoPatients() throws IOException {
    Map<String, byte[]> e = new LinkedHashMap<>();
    slice(e, "LIDC-IDRI-0007", 0, 10);
    slice(e, "LIDC-IDRI-0007", 0, 2);
    slice(e, "LIDC-IDRI-0001", 1, 0);
    return e;
  }

  @Test
  void readsSlicesFromAZipWithPatientIdsAndFourRaters() throws Exception {
    Path zip = DatasetFixtures.zip(dir.resolve("lidc.zip"), twoPatients());
    try (Dataset ds = DatasetReaders.open(zip, true)) {
      assertEquals("lidc-png", ds.format());
      assertEquals("lidc.zip", ds.name());
      assertEquals(
          List.of(
              "LIDC-IDRI-0001/nodule-1/slice-0",
              "LIDC-IDRI-0007/nodule-0/slice-2",
              "LIDC-IDRI-0007/nodule-0/slice-10"),
          List.of(ds.caseId(0), ds.caseId(1), ds.caseId(2)));
      assertEquals(Optional.of("LIDC-IDRI-0007"), ds.patientId(2));
      Case c = ds.load(2);
      assertEquals(Optional.of("LIDC-IDRI-0007"), c.patientId());
      assertEquals((8 * 5 + 4 + 30) / 255f, c.image().value(4, 5, 0));
      assertEquals(4, c.raters().size());
      for (int r = 0; r < 4; r++) {
        assertEquals(8 * r, c.raters().get(r).foregroundCount(), "slot " + r);
      }
    }
  }

  @Test
  void extractedFolderReadsTheSameAsTheZip() throws Exception {
    Map<String, byte[]> entries = twoPatients();
    Path zip = DatasetFixtures.zip(dir.resolve("lidc.zip"), entries);
    Path folder = dir.resolve("extracted");
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      DatasetFixtures.write(folder.resolve(e.getKey()), e.getValue());
    }
    try (Dataset fromZip = DatasetReaders.open(zip);
        Dataset fromFolder = DatasetReaders.open(folder)) {
      assertEquals("lidc-png", fromFolder.format());
      DatasetChecksum.Result a = DatasetChecksum.compute(fromZip, 2, ProgressMonitor.NONE);
      DatasetChecksum.Result b = DatasetChecksum.compute(fromFolder, 1, ProgressMonitor.NONE);
      assertEquals(3, a.cases());
      assertEquals(2, a.patients());
      assertEquals(a.checksum(), b.checksum());
      assertEquals(fromZip.load(1).image(), fromFolder.load(1).image());
    }
    try (Dataset onePatient = DatasetReaders.open(folder.resolve(ROOT + "LIDC-IDRI-0007"))) {
      assertEquals(2, onePatient.size());
      assertEquals("LIDC-IDRI-0007/nodule-0/slice-2", onePatient.caseId(0));
      assertEquals(
          folder.resolve(ROOT + "LIDC-IDRI-0007/nodule-0/images/slice-2.png").toString(),
          onePatient.load(0).metadata().get("source"));
    }
  }

  @Test
  void sliceMissingAMaskSlotIsLeftOutAndNamed() throws Exception {
    Map<String, byte[]> e = twoPatients();
    e.remove(ROOT + "LIDC-IDRI-0007/nodule-0/mask-2/slice-2.png");
    Path zip = DatasetFixtures.zip(dir.resolve("lidc.zip"), e);
    try (Dataset ds = DatasetReaders.open(zip)) {
      assertEquals(2, ds.size());
      assertEquals(
          List.of(
              zip
                  + "!/"
                  + ROOT
                  + "LIDC-IDRI-0007/nodule-0/mask-2/slice-2.png: missing mask slot 2 of 4;"
                  + " slice left out"),
          ds.problems());
    }
    BadInputException strict =
        assertThrows(BadInputException.class, () -> DatasetReaders.open(zip, true));
    assertTrue(strict.source().endsWith("mask-2/slice-2.png"), strict.source());
  }

  @Test
  void maskOfAnotherSizeFailsOnLoadNamingTheEntry() throws Exception {
    Map<String, byte[]> e = twoPatients();
    String bad = ROOT + "LIDC-IDRI-0001/nodule-1/mask-3/slice-0.png";
    e.put(bad, DatasetFixtures.maskPng(8, 7, (x, y) -> true));
    Path zip = DatasetFixtures.zip(dir.resolve("lidc.zip"), e);
    try (Dataset ds = DatasetReaders.open(zip, true)) {
      BadInputException ex = assertThrows(BadInputException.class, () -> ds.load(0));
      assertEquals(zip + "!/" + bad + ": mask is 8x7 but its image is 8x8", ex.getMessage());
      assertEquals(4, ds.load(1).raters().size());
    }
  }

  @Test
  void zipWithAParentDirectoryEntryIsRefused() throws Exception {
    Map<String, byte[]> e = twoPatients();
    e.put("../../etc/evil.png", new byte[] {1});
    Path zip = DatasetFixtures.zip(dir.resolve("evil.zip"), e);
    BadInputException ex = assertThrows(BadInputException.class, () -> DatasetReaders.open(zip));
    assertEquals(
        zip + "!/../../etc/evil.png: '..' in entry name (path traversal); zip refused",
        ex.getMessage());
  }

  @Test
  void unsafeEntryNamesAreRecognised() {
    assertEquals(null, SafeZip.unsafeReason("LIDC-IDRI-slices/a/nodule-0/images/slice-0.png"));
    assertEquals(null, SafeZip.unsafeReason("a/..b/c.png"));
    assertTrue(SafeZip.unsafeReason("/etc/passwd").startsWith("absolute path"));
    assertTrue(SafeZip.unsafeReason("C:/x.png").startsWith("drive letter"));
    assertTrue(SafeZip.unsafeReason("a\\..\\b.png").startsWith("'..'"));
  }

  @Test
  void oversizedEntryIsCutOffByActualBytesRead() throws Exception {
    Map<String, byte[]> e = twoPatients();
    String bomb = ROOT + "LIDC-IDRI-0001/nodule-1/images/slice-0.png";
    e.put(bomb, new byte[(int) EntrySource.MAX_ENTRY_BYTES + 1]);
    Path zip = DatasetFixtures.zip(dir.resolve("bomb.zip"), e);
    try (Dataset ds = DatasetReaders.open(zip)) {
      BadInputException ex = assertThrows(BadInputException.class, () -> ds.load(0));
      assertEquals(zip + "!/" + bomb, ex.source());
      assertEquals("uncompressed data exceeds 64 MB (zip bomb?); refused", ex.problem());
    }
  }

  @Test
  void fastPngPathDecodesLikeImageReader() throws Exception {
    java.util.Random rnd = new java.util.Random(42);
    for (int t = 0; t < 20; t++) {
      int w = 1 + rnd.nextInt(40);
      int h = 1 + rnd.nextInt(40);
      int[] values = new int[w * h];
      for (int i = 0; i < values.length; i++) {
        // smooth ramps plus noise, so the PNG writer picks several row filters
        values[i] = ((i % w) * 7 + (i / w) * 3 + (t % 3 == 0 ? rnd.nextInt(256) : 0)) & 0xFF;
      }
      byte[] png = DatasetFixtures.greyPng(w, h, (x, y) -> values[y * w + x]);
      assertEquals(
          ImageReader.decodeImage("t", png), LidcPngDecoder.decodeImage("t", png), "image " + t);
      assertEquals(
          ImageReader.decodeMask("t", png), LidcPngDecoder.decodeMask("t", png), "mask " + t);
    }
  }

  @Test
  void fastPngPathNamesTheFileOfACorruptPng() throws Exception {
    byte[] png = DatasetFixtures.greyPng(16, 16, (x, y) -> x * y);
    byte[] cut = java.util.Arrays.copyOf(png, png.length - 30);
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> LidcPngDecoder.decodeImage("a.zip!/s.png", cut));
    assertEquals("a.zip!/s.png", e.source());
    assertTrue(e.problem().startsWith("corrupt PNG"), e.problem());
  }

  @Test
  void zipWithoutLidcSlicesIsRefused() throws Exception {
    Path zip = DatasetFixtures.zip(dir.resolve("other.zip"), Map.of("readme.txt", new byte[3]));
    BadInputException ex = assertThrows(BadInputException.class, () -> DatasetReaders.open(zip));
    assertTrue(ex.getMessage().startsWith(zip + ": no LIDC slices found"), ex.getMessage());
  }
}
