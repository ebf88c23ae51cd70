package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.PixelSpacing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DICOM files written by pydicom (src/test/fixtures/make_fixtures.sh) decode to the values the
 * script put in: HU after rescale, window mapping, pixel spacing.
 */
class DicomReaderTest {

  private static final String SLOPE2 = "ct_u16_slope2.dcm";
  private static final String SIGNED = "ct_i16_implicit.dcm";

  @TempDir Path dir;

  /** Explicit VR, unsigned: stored (37x + 101y) % 1500, slope 2, intercept -1024. */
  private static float slope2Hu(int x, int y) {
    return 2 * ((37 * x + 101 * y) % 1500) - 1024;
  }

  /** Implicit VR, signed: stored 100x - 300y, slope 1, intercept -1024. */
  private static float signedHu(int x, int y) {
    return 100 * x - 300 * y - 1024;
  }

  private static byte[] fixture(String name) throws IOException {
    return ImageReaderFormatsTest.resource(name);
  }

  @Test
  void unsignedExplicitVrGivesRescaledHounsfieldUnits() throws Exception {
    DicomImage dicom = ImageReader.decodeDicom(SLOPE2, fixture(SLOPE2), ReadOptions.defaults());
    assertEquals(64, dicom.width());
    assertEquals(48, dicom.height());
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        assertEquals(slope2Hu(x, y), dicom.hu(x, y), 0f, "HU at " + x + "," + y);
      }
    }
    // hand-checked corners: stored 0 -> -1024 HU; stored (37*63 + 101*47) % 1500 = 1078 -> 1132
    assertEquals(-1024f, dicom.hu(0, 0), 0f);
    assertEquals(1132f, dicom.hu(63, 47), 0f);
    assertEquals(new PixelSpacing(0.7, 0.8), dicom.spacing().orElseThrow());
    assertEquals(new DicomWindow(40, 400), dicom.storedWindow().orElseThrow());
    assertEquals(DicomWindow.LUNG, dicom.window());
    assertFalse(dicom.inverted());
  }

  @Test
  void signedImplicitVrGivesNegativeStoredValuesBack() throws Exception {
    DicomImage dicom = ImageReader.decodeDicom(SIGNED, fixture(SIGNED), ReadOptions.defaults());
    assertEquals(16, dicom.width());
    assertEquals(12, dicom.height());
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 16; x++) {
        assertEquals(signedHu(x, y), dicom.hu(x, y), 0f, "HU at " + x + "," + y);
      }
    }
    assertEquals(-1024 - 3300, dicom.hu(0, 11), 0f); // the most negative stored value, -3300
    assertEquals(new PixelSpacing(0.5, 0.5), dicom.spacing().orElseThrow());
    assertTrue(dicom.storedWindow().isEmpty());
  }

  @Test
  void readImageAppliesTheLungWindowAndKeepsSpacing() throws Exception {
    Path file = Files.write(dir.resolve(SLOPE2), fixture(SLOPE2));
    Image2D image = ImageReader.readImage(file);
    assertEquals(1, image.channels());
    assertEquals(new PixelSpacing(0.7, 0.8), image.spacing().orElseThrow());
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        // lung window: level -600, width 1500, so [-1350, 150] maps onto [0, 1]
        float expected = Math.min(1f, Math.max(0f, (slope2Hu(x, y) + 1350) / 1500f));
        assertEquals(expected, image.value(x, y, 0), 1e-6f, "at " + x + "," + y);
      }
    }
    // stored 0 -> -1024 HU -> (1350 - 1024) / 1500 = 0.21733
    assertEquals(326 / 1500f, image.value(0, 0, 0), 1e-6f);
  }

  @Test
  void windowComesFromOptionsAndCanBeChangedLater() throws Exception {
    ReadOptions soft = ReadOptions.defaults().withDicomWindow(DicomWindow.SOFT_TISSUE);
    DicomImage dicom = ImageReader.decodeDicom(SIGNED, fixture(SIGNED), soft);
    Image2D image = dicom.toImage();
    // soft tissue [-160, 240]: -1024 HU is black, -1024 + 1500 = 476 HU is white
    assertEquals(0f, image.value(0, 0, 0), 0f);
    assertEquals(1f, image.value(15, 0, 0), 0f);
    Image2D wide = dicom.withWindow(new DicomWindow(0, 4000)).toImage();
    assertEquals((-1024 + 2000) / 4000f, wide.value(0, 0, 0), 1e-6f);
    assertArrayEquals(dicom.huValues(), dicom.withWindow(DicomWindow.LUNG).huValues());
  }

  @Test
  void windowFormula() {
    DicomWindow lung = DicomWindow.LUNG;
    assertEquals(0f, lung.apply(-1350), 0f);
    assertEquals(0f, lung.apply(-3000), 0f);
    assertEquals(0.5f, lung.apply(-600), 0f);
    assertEquals(1f, lung.apply(150), 0f);
    assertEquals(1f, lung.apply(3000), 0f);
    assertEquals(0.25f, lung.apply(-975), 1e-7f);
    assertThrows(IllegalArgumentException.class, () -> new DicomWindow(0, 0));
  }

  @Test
  void truncatedPixelDataIsRefused() throws Exception {
    byte[] full = fixture(SLOPE2);
    Path file = Files.write(dir.resolve("cut.dcm"), Arrays.copyOf(full, full.length - 100));
    BadInputException e = assertThrows(BadInputException.class, () -> ImageReader.readImage(file));
    assertTrue(e.getMessage().contains("cut.dcm"), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void compressedTransferSyntaxIsRefusedBeforeDecoding() throws Exception {
    byte[] bytes = fixture(SLOPE2);
    byte[] explicit = "1.2.840.10008.1.2.1\0".getBytes(StandardCharsets.US_ASCII);
    byte[] rle = "1.2.840.10008.1.2.5\0".getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(bytes, explicit);
    assertTrue(at > 128, "transfer syntax found in the fixture");
    System.arraycopy(rle, 0, bytes, at, rle.length);
    BadInputException e =
        assertThrows(BadInputException.class, () -> ImageReader.decodeImage("rle.dcm", bytes));
    assertTrue(e.getMessage().startsWith("rle.dcm: compressed DICOM"), e.getMessage());
  }

  @Test
  void sizeLimitIsCheckedFromTheHeader() throws Exception {
    byte[] bytes = fixture(SLOPE2);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                ImageReader.decodeImage(
                    "ct.dcm", bytes, ReadOptions.defaults().withMaxPixels(64 * 48 - 1)));
    assertTrue(e.getMessage().contains("64x48"), e.getMessage());
  }

  @Test
  void otherContentIsNotTakenForDicom() throws Exception {
    byte[] png = ImageReaderFormatsTest.resource("grey16_numpy.png");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> ImageReader.decodeDicom("x.png", png, ReadOptions.defaults()));
    assertTrue(e.getMessage().contains("not a DICOM"), e.getMessage());
    assertThrows(BadInputException.class, () -> ImageReader.decodeMask(SLOPE2, fixture(SLOPE2)));
  }

  /**
   * Every truncation and many single-byte corruptions end in a result or BadInputException. The
   * timeout guards against ImageJ's header parser looping on lengths past the end of the file.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void damagedFilesAreRefusedWithBadInputOnly() throws Exception {
    byte[] full = fixture(SIGNED);
    for (int length = 1; length < full.length; length++) {
      byte[] cut = Arrays.copyOf(full, length);
      BadInputException e =
          assertThrows(BadInputException.class, () -> ImageReader.decodeImage("cut.dcm", cut));
      assertTrue(e.getMessage().startsWith("cut.dcm: "), e.getMessage());
    }
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      byte[] damaged = full.clone();
      damaged[132 + random.nextInt(damaged.length - 132)] = (byte) random.nextInt(256);
      try {
        ImageReader.decodeImage("fuzz.dcm", damaged);
      } catch (BadInputException e) {
        assertTrue(e.getMessage().startsWith("fuzz.dcm: "), e.getMessage());
      }
    }
  }

  @Test
  void parallelDecodesGiveTheSameValues() throws Exception {
    byte[] bytes = fixture(SLOPE2);
    float[] expected = ImageReader.decodeDicom(SLOPE2, bytes, ReadOptions.defaults()).huValues();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () -> ImageReader.decodeDicom(SLOPE2, bytes, ReadOptions.defaults()).huValues()));
      }
      for (Future<float[]> result : results) {
        assertArrayEquals(expected, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
