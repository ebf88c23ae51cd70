package org.ambiseg.app.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;
import org.ambiseg.io.synth.SynthCaseGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checking every case of a dataset: summaries, outlined counts, skipped cases, cancel. */
class DatasetScanTest {

  @TempDir Path tmp;

  @Test
  void summarisesEveryCaseAndListsTheCorruptOne() throws Exception {
    Path dir = CaseFixtures.synthFolder(tmp, 5);
    String bad = SynthCaseGenerator.caseId(2);
    String blank = SynthCaseGenerator.caseId(3);
    Path badFile = CaseFixtures.corruptImage(dir, bad);
    CaseFixtures.blankRater(dir, blank, 0);
    CaseFixtures.blankRater(dir, blank, 2);
    try (Dataset d = DatasetReaders.open(dir)) {
      assertEquals(5, d.size(), "indexing does not decode: the corrupt image is still indexed");
      DatasetScan.Result r = DatasetScan.scan(d, ProgressMonitor.NONE);
      assertEquals(
          List.of(
              SynthCaseGenerator.caseId(0),
              SynthCaseGenerator.caseId(1),
              SynthCaseGenerator.caseId(3),
              SynthCaseGenerator.caseId(4)),
          r.cases().stream().map(CaseSummary::id).toList());
      assertEquals(1, r.skipped().size());
      assertTrue(r.skipped().get(0).startsWith(badFile.toString() + ": "), r.skipped().get(0));
      CaseSummary third = r.cases().get(2);
      assertEquals(3, third.index(), "index into the dataset, not into the list");
      assertEquals(4, third.raters());
      assertEquals(2, third.outlined());
      assertEquals("4 raters, 2 outlined", third.ratersText());
    }
  }

  @Test
  void cancelStopsTheScan() throws Exception {
    Path dir = CaseFixtures.synthFolder(tmp, 3);
    int[] seen = {0};
    ProgressMonitor stopAfterOne =
        new ProgressMonitor() {
          @Override
          public void begin(String task, long totalWork) {
            assertEquals(3, totalWork);
          }

          @Override
          public void worked(long units) {
            seen[0] += units;
          }

          @Override
          public boolean isCancelled() {
            return seen[0] >= 1;
          }
        };
    try (Dataset d = DatasetReaders.open(dir)) {
      assertThrows(CancellationException.class, () -> DatasetScan.scan(d, stopAfterOne));
    }
    assertEquals(1, seen[0]);
  }

  @Test
  void ratersTextAndSearch() {
    CaseSummary lidc =
        new CaseSummary(0, "LIDC-IDRI-0042/nodule-1/slice-7", Optional.of("LIDC-IDRI-0042"), 4, 4);
    assertEquals("4 raters", lidc.ratersText());
    assertEquals("1 rater", new CaseSummary(0, "a", Optional.empty(), 1, 1).ratersText());
    assertEquals("no raters", new CaseSummary(0, "a", Optional.empty(), 0, 0).ratersText());
    assertTrue(CaseFilter.matches(lidc, ""));
    assertTrue(CaseFilter.matches(lidc, "  "));
    assertTrue(CaseFilter.matches(lidc, "0042"));
    assertTrue(CaseFilter.matches(lidc, "idri-0042 SLICE-7"), "words in any case, all must match");
    assertTrue(!CaseFilter.matches(lidc, "0042 slice-8"));
    CaseSummary folder = new CaseSummary(0, "case-0003", Optional.empty(), 4, 3);
    assertTrue(CaseFilter.matches(folder, "03"));
    assertTrue(!CaseFilter.matches(folder, "lidc"), "no patient id: only the id is searched");
  }
}
