package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus ({@link BadInputCorpus}, generated at test time) and the odd-but-valid
 * inputs: every bad file is refused with a one-line BadInputException naming it; odd sizes and
 * colour types read correctly and a model refuses sizes it cannot take with a clear message before
 * any engine call; a dataset with a few bad cases keeps the rest and reports the bad ones (strict
 * fails instead); hostile zips (path traversal, bombs, lying sizes) are refused.
 */
class BadInputCorpusTest {

  @TempDir Path dir;

  @Test
  void everyCorpusFileIsRefusedNamingTheFile() throws IOException {
    List<BadInputCorpus.Item> items = BadInputCorpus.write(dir);
    List<String> wrong = new ArrayList<>();
    for (BadInputCorpus.Item item : items) {
      try {
        if (item.reader() == BadInputCorpus.Reader.IMAGE) {
          ImageReader.readImage(item.file());
        } else {
          ImageReader.readMask(item.file());
        }
        wrong.add(item + ": was read");
      } catch (BadInputException e) {
        String m = e.getMessage();
        if (!m.startsWith(item.file() + ": ") || !m.contains(item.why()) || m.contains("\n")) {
          wrong.add(item + ": " + m);
        }
      } catch (RuntimeException | Error e) {
        wrong.add(item + ": threw " + e);
      }
    }
    assertEquals(List.of(), wrong);
    assertTrue(items.size() >= 30, "corpus size " + items.size());
  }

  @Test
  void bombsAreRefusedFromTheHeaderBeforeAllocating() throws IOException {
    Path bomb = Files.write(dir.resolve("bomb.png"), BadInputCorpus.pngWithIdat(50_000, 50_000));
    long before = usedHeap();
    long start = System.nanoTime();
    BadInputException e = assertThrows(BadInputException.class, () -> ImageReader.readImage(bomb));
    assertTrue(e.getMessage().contains("50000x50000"), e.getMessage());
    assertTrue((System.nanoTime() - start) / 1e9 < 5, "refused from the header, not decoded");
    // 2.5 G pixels would need gigabytes; the refusal allocates next to nothing
    assertTrue(usedHeap() - before < 256L << 20, "heap grew by " + (usedHeap() - before));
    // the limit is configurable: a 24x20 image is refused under a 400-pixel limit
    Path small =
        Files.write(
            dir.resolve("small.png"),
            ImageTestFiles.encode(
                BadInputCorpus.noise(24, 20, BufferedImage.TYPE_BYTE_GRAY), "png"));
    BadInputException limited =
        assertThrows(
            BadInputException.class,
            () -> ImageReader.readImage(small, ReadOptions.defaults().withMaxPixels(400)));
    assertTrue(limited.getMessage().contains("over the limit of 400 pixels"), limited.getMessage());
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  @Test
  void oddButValidImagesReadWithTheirValues() throws Exception {
    // 1x1 and non-square, non-multiple-of-16 sizes read as they are
    BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    one.getRaster().setSample(0, 0, 0, 51);
    Image2D img1 = ImageReader.decodeImage("one.png", ImageTestFiles.encode(one, "png"));
    assertEquals(1, img1.width());
    assertEquals(0.2f, img1.value(0, 0, 0), 1e-6f);
    Image2D odd =
        ImageReader.decodeImage(
            "odd.png",
            ImageTestFiles.encode(
                BadInputCorpus.noise(17, 33, BufferedImage.TYPE_BYTE_GRAY), "png"));
    assertEquals(17, odd.width());
    assertEquals(33, odd.height());
    // RGBA: a half-transparent white pixel is composited on black, then made grey
    BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(0, 0, 0x80FFFFFF);
    rgba.setRGB(1, 0, 0x00FFFFFF);
    Image2D a = ImageReader.decodeImage("rgba.png", ImageTestFiles.encode(rgba, "png"));
    assertEquals(1, a.channels());
    assertEquals(128 / 255f, a.value(0, 0, 0), 1e-3f);
    assertEquals(0f, a.value(1, 0, 0), 1e-6f);
    // palette PNG: the palette colours, not the indices, are the image
    IndexColorModel palette =
        new IndexColorModel(
            2,
            2,
            new byte[] {0, (byte) 255},
            new byte[] {0, (byte) 255},
            new byte[] {0, (byte) 255});
    BufferedImage pal = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
    pal.getRaster().setSample(1, 0, 0, 1);
    Image2D p = ImageReader.decodeImage("palette.png", ImageTestFiles.encode(pal, "png"));
    assertEquals(0f, p.value(0, 0, 0), 1e-6f);
    assertEquals(1f, p.value(1, 0, 0), 1e-6f);
    // a mask with values other than 0/255: every non-zero value is foreground
    BufferedImage m = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
    int[] values = {0, 1, 128, 254};
    for (int x = 0; x < 4; x++) {
      m.getRaster().setSample(x, 0, 0, values[x]);
    }
    LabelMask mask = ImageReader.decodeMask("mask.png", ImageTestFiles.encode(m, "png"));
    assertEquals(3, mask.foregroundCount());
    assertEquals(0, mask.label(0, 0));
    assertEquals(1, mask.label(1, 0));
  }

  @Test
  void modelRefusesSizesItCannotTakeWithAClearMessage() throws Exception {
    try (Estimator e = Estimators.open(Path.of("models/probunet-shapes"))) {
      for (int[] size : new int[][] {{1, 1}, {17, 33}, {12, 20}}) {
        Image2D image = Image2D.grey(size[0], size[1], new float[size[0] * size[1]]);
        IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> e.sample(image, 2, 0));
        assertTrue(
            ex.getMessage().contains(size[0] + "x" + size[1] + " must be a multiple of 8"),
            ex.getMessage());
      }
      // non-square multiples of 16 and RGB input (made grey) are fine
      SampleSet s = e.sample(Image2D.of(32, 48, 3, new float[32 * 48 * 3]), 2, 0);
      assertEquals(2, s.size());
      assertEquals(32, s.width());
      assertEquals(48, s.height());
    }
  }

  /** Writes a folder-layout case with {@code raters} 8x8 masks (of {@code maskSize} pixels). */
  private static void folderCase(Path root, String id, int raters, int maskSize)
      throws IOException {
    DatasetFixtures.write(
        root.resolve("images").resolve(id + ".png"),
        DatasetFixtures.greyPng(8, 8, (x, y) -> x * 30));
    for (int r = 0; r < raters; r++) {
      DatasetFixtures.write(
          root.resolve("masks").resolve(id).resolve("r" + r + ".png"),
          DatasetFixtures.maskPng(maskSize, maskSize, (x, y) -> x < 3));
    }
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void datasetWithAFewBadCasesLoadsTheRestAndReportsTheBadOnes() throws Exception {
    Path root = dir.resolve("ds");
    folderCase(root, "good-1", 3, 8);
    folderCase(root, "good-2", 3, 8);
    folderCase(root, "missing-rater", 2, 8);
    folderCase(root, "extra-rater", 4, 8);
    folderCase(root, "wrong-size-mask", 3, 16);
    folderCase(root, "truncated-image", 3, 8);
    String longId = "long-" + "x".repeat(200);
    folderCase(root, longId, 3, 8);
    Path truncated = root.resolve("images").resolve("truncated-image.png");
    byte[] full = Files.readAllBytes(truncated);
    Files.write(truncated, java.util.Arrays.copyOf(full, full.length - 20));
    // a duplicate id (another extension case), a symlink loop and a non-UTF-8 name
    Files.copy(root.resolve("images/good-1.png"), root.resolve("images/good-1.PNG"));
    Files.createSymbolicLink(root.resolve("masks/loop"), root.resolve("masks"));
    Files.createSymbolicLink(root.resolve("images/self.png"), root.resolve("images/self.png"));
    Process p =
        new ProcessBuilder(
                "/bin/sh",
                "-c",
                "printf x > \"$0/$(printf 'bad-\\377\\376.png')\"",
                root.resolve("images").toString())
            .start();
    assertEquals(0, p.waitFor());

    try (Dataset ds = DatasetReaders.open(root, false)) {
      List<String> problems = ds.problems();
      assertTrue(
          problems.stream().anyMatch(l -> l.contains("missing-rater: has 2 rater masks")),
          problems.toString());
      assertTrue(
          problems.stream().anyMatch(l -> l.contains("extra-rater: has 4 rater masks")),
          problems.toString());
      assertTrue(
          problems.stream()
              .anyMatch(l -> l.contains("same case id as " + root.resolve("images/good-1"))),
          problems.toString());
      assertTrue(
          problems.stream()
              .anyMatch(l -> l.contains("masks/loop: rater masks for a case with no image")),
          problems.toString());
      assertTrue(problems.stream().noneMatch(l -> l.contains("\n")));
      Map<String, String> outcome = new LinkedHashMap<>();
      for (int i = 0; i < ds.size(); i++) {
        try {
          ds.load(i);
          outcome.put(ds.caseId(i), "ok");
        } catch (BadInputException e) {
          assertFalse(e.getMessage().contains("\n"));
          outcome.put(ds.caseId(i), e.getMessage().substring(root.toString().length()));
        }
      }
      assertEquals("ok", outcome.get("good-1"));
      assertEquals("ok", outcome.get("good-2"));
      assertEquals("ok", outcome.get(longId));
      assertTrue(
          outcome.get("truncated-image").startsWith("/images/truncated-image.png: truncated PNG"),
          outcome.toString());
      assertTrue(
          outcome.get("wrong-size-mask").startsWith("/masks/wrong-size-mask/r0.png: "),
          outcome.toString());
      // the non-UTF-8 name is indexed under a replacement name and left out (no masks) or refused
      assertTrue(
          problems.stream().anyMatch(l -> l.contains("/masks/bad-") && l.contains("case left out")),
          problems.toString());
      assertEquals(5, ds.size(), outcome.toString());
    }
    BadInputException strict =
        assertThrows(BadInputException.class, () -> DatasetReaders.open(root, true));
    assertTrue(strict.source().startsWith(root.toString()), strict.getMessage());
  }

  @Test
  void zipWithPathTraversalIsRefused() throws Exception {
    Path zip =
        DatasetFixtures.zip(
            dir.resolve("evil.zip"),
            Map.of("LIDC-IDRI-slices/../../evil.png", DatasetFixtures.greyPng(8, 8, (x, y) -> x)));
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetReaders.open(zip));
    assertTrue(e.getMessage().contains("path traversal"), e.getMessage());
    assertTrue(e.getMessage().startsWith(zip.toString()), e.getMessage());
  }

  @Test
  void zipBombsAreRefusedByEntryCountTotalSizeAndLyingSizes() throws Exception {
    Map<String, byte[]> many = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      many.put("f" + i + ".png", new byte[10]);
    }
    Path manyZip = DatasetFixtures.zip(dir.resolve("many.zip"), many);
    BadInputException count =
        assertThrows(
            BadInputException.class, () -> SafeZip.open(manyZip, new SafeZip.Limits(10, 1 << 20)));
    assertEquals(
        manyZip + ": holds 20 entries, over the limit of 10 (zip bomb?); zip refused",
        count.getMessage());

    Path bigZip =
        DatasetFixtures.zip(
            dir.resolve("big.zip"), Map.of("a.png", new byte[3 << 20], "b.png", new byte[3 << 20]));
    assertTrue(Files.size(bigZip) < 100_000, "compresses well: " + Files.size(bigZip));
    BadInputException total =
        assertThrows(
            BadInputException.class, () -> SafeZip.open(bigZip, new SafeZip.Limits(10, 4 << 20)));
    assertTrue(
        total.getMessage().contains("more than 4194304 uncompressed bytes"), total.getMessage());

    // an entry whose central directory claims 100 bytes but inflates to 1 MB
    Path lying = DatasetFixtures.zip(dir.resolve("lying.zip"), Map.of("a.png", new byte[1 << 20]));
    byte[] raw = Files.readAllBytes(lying);
    for (int i = 0; i + 46 < raw.length; i++) {
      if (ByteBuffer.wrap(raw, i, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0x02014b50) {
        ByteBuffer.wrap(raw, i + 24, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(100);
      }
    }
    Files.write(lying, raw);
    try (SafeZip z = SafeZip.open(lying)) {
      BadInputException e = assertThrows(BadInputException.class, () -> z.read("a.png"));
      assertEquals(
          lying + "!/a.png: inflates to more than its declared 100 bytes (zip bomb?); refused",
          e.getMessage());
    }
  }
}
