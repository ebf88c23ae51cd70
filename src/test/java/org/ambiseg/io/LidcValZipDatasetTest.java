package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.ProgressMonitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Long tier (mvn -Plong): decodes and validates all of ../shared/data/lidc-128/val.zip on two
 * threads in under 10 s, with the counts from its SOURCE.md. Fails, rather than skips, when the
 * file is absent: the long tier runs on the machine that holds the data.
 */
@Tag("long")
class LidcValZipDatasetTest {

  private static final Path VAL = Path.of("../shared/data/lidc-128/val.zip");

  @Test
  void readsTheWholeValidationZipQuickly() throws Exception {
    assertTrue(Files.isRegularFile(VAL), VAL.toAbsolutePath() + " is needed by the long tier");
    long start = System.nanoTime();
    try (Dataset ds = DatasetReaders.open(VAL, true)) {
      DatasetChecksum.Result r = DatasetChecksum.compute(ds, 2, ProgressMonitor.NONE);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertEquals(List.of(), r.failures());
      assertEquals(2332, r.cases());
      assertEquals(131, r.patients());
      assertEquals("d3afdbae", r.checksumHex());
      assertTrue(seconds < 10, "took " + seconds + " s");
    }
  }
}
