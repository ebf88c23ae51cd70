package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the pickles written by real numpy (src/test/fixtures/make_pickle_fixtures.sh): three 16x16
 * cases whose values are known in closed form.
 */
class LidcPickleDatasetTest {

  @TempDir Path dir;

  private Path fixture(String name) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/datasets/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      Files.copy(in, target);
    }
    return target;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "lidc-tiny-p2.pickle",
        "lidc-tiny-p4.pickle",
        "lidc-tiny-p5.pickle",
        "lidc-tiny-p2-numpy2.pickle",
        "lidc-tiny-p5-numpy2.pickle"
      })
  void readsKnownValuesFromNumpyPickles(String name) throws Exception {
    try (Dataset ds = DatasetReaders.open(fixture(name), true)) {
      assertEquals("lidc-pickle", ds.format());
      assertEquals(List.of(), ds.problems());
      assertEquals(3, ds.size());
      assertEquals(Optional.of("series-A"), ds.patientId(1));
      assertEquals(Optional.of("series-B"), ds.patientId(2));
      for (int k = 0; k < 3; k++) {
        Case c = ds.load(k);
        assertEquals("case-" + k, c.id());
        assertEquals(16, c.image().width());
        assertEquals(16, c.image().height());
        for (int y = 0; y < 16; y++) {
          for (int x = 0; x < 16; x++) {
            float expected = (float) (((16 * y + x + 40 * k) % 256) / 255.0);
            assertEquals(expected, c.image().value(x, y, 0), "case " + k + " at " + x + "," + y);
          }
        }
        assertEquals(4, c.raters().size());
        for (int r = 0; r < 4; r++) {
          LabelMask m = c.raters().get(r);
          int cols = Math.min(16, 4 * r + k);
          assertEquals(16 * cols, m.foregroundCount(), "case " + k + " mask " + r);
          if (cols > 0) {
            assertEquals(1, m.label(cols - 1, 15));
          }
          if (cols < 16) {
            assertEquals(0, m.label(cols, 0));
          }
        }
      }
    }
  }

  @Test
  void refusesAPickleThatWouldCallOsSystem() throws Exception {
    Path file = fixture("lidc-evil-reduce.pickle");
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetReaders.open(file));
    assertEquals(file.toString(), e.source());
    assertTrue(e.problem().startsWith("holds the Python class posix.system, which is refused"));
  }

  @Test
  void refusesAnyOtherPythonClass() throws Exception {
    Path file = fixture("lidc-ordereddict.pickle");
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetReaders.open(file));
    assertEquals(
        file
            + ": holds the Python class collections.OrderedDict, which is refused (only numpy"
            + " arrays, dicts, lists, strings and numbers are read)",
        e.getMessage());
  }

  @Test
  void imageValueOutsideTheUnitRangeLeavesTheCaseOut() throws Exception {
    byte[] raw = Files.readAllBytes(fixture("lidc-tiny-p5.pickle"));
    int data = firstByteArray8(raw, 16 * 16 * 4);
    // case-0's first pixel is 0.0f; make it 2.0f (little-endian 0x40000000).
    raw[data + 3] = 0x40;
    Path file = Files.write(dir.resolve("bad-range.pickle"), raw);
    try (Dataset ds = DatasetReaders.open(file)) {
      assertEquals(2, ds.size());
      assertEquals("case-1", ds.caseId(0));
      assertEquals(
          List.of(file + " [case-0]: image value 2.0 at index 0 is outside [0, 1]"), ds.problems());
    }
    BadInputException strict =
        assertThrows(BadInputException.class, () -> DatasetReaders.open(file, true));
    assertEquals(file + " [case-0]", strict.source());
  }

  @Test
  void truncatedPickleNamesTheFile() throws Exception {
    byte[] raw = Files.readAllBytes(fixture("lidc-tiny-p5.pickle"));
    Path file = Files.write(dir.resolve("cut.pkl"), Arrays.copyOf(raw, 500));
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetReaders.open(file));
    assertEquals(file.toString(), e.source());
    assertTrue(e.problem().contains("remain (truncated or corrupt file)"), e.problem());
  }

  @Test
  void topLevelMustBeADictOfCases() throws Exception {
    // protocol 2: PROTO 2, EMPTY_LIST, STOP
    Path file = Files.write(dir.resolve("list.pkl"), new byte[] {(byte) 0x80, 2, ']', '.'});
    BadInputException e = assertThrows(BadInputException.class, () -> DatasetReaders.open(file));
    assertEquals(file + ": top level is ArrayList, expected a dict of cases", e.getMessage());
  }

  /** Offset of the payload of the first BYTEARRAY8 opcode (0x96) of the given length. */
  private static int firstByteArray8(byte[] raw, long length) {
    for (int i = 0; i + 9 < raw.length; i++) {
      if ((raw[i] & 0xFF) == 0x96 && littleEndianLong(raw, i + 1) == length) {
        return i + 9;
      }
    }
    throw new AssertionError("no BYTEARRAY8 of " + length + " bytes");
  }

  private static long littleEndianLong(byte[] b, int at) {
    long v = 0;
    for (int k = 7; k >= 0; k--) {
      v = (v << 8) | (b[at + k] & 0xFF);
    }
    return v;
  }
}
