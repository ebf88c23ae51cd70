package org.ambiseg.app.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.Dataset;

/**
 * Checks every case of an opened dataset once, so that the case list shows only cases that can be
 * opened: each case is decoded, summarised ({@link CaseSummary}) and dropped again; a case that
 * fails to decode is listed as skipped with its file and problem, after the problems the reader
 * found while indexing. No JavaFX: runs on any thread.
 */
public final class DatasetScan {

  /**
   * The outcome of a scan.
   *
   * @param cases the cases that decoded, in dataset order
   * @param skipped one line per case or file left out, "file: problem"
   */
  public record Result(List<CaseSummary> cases, List<String> skipped) {

    /** Copies the lists. */
    public Result {
      cases = List.copyOf(cases);
      skipped = List.copyOf(skipped);
    }
  }

  private DatasetScan() {}

  /**
   * Decodes every case of {@code dataset}, reporting one unit of work per case to {@code monitor}.
   *
   * @throws CancellationException when the monitor is cancelled before the end
   */
  public static Result scan(Dataset dataset, ProgressMonitor monitor) {
    int n = dataset.size();
    monitor.begin("Checking " + dataset.name(), n);
    List<CaseSummary> cases = new ArrayList<>(n);
    List<String> skipped = new ArrayList<>(dataset.problems());
    for (int i = 0; i < n; i++) {
      if (monitor.isCancelled()) {
        throw new CancellationException("checking " + dataset.name() + " cancelled");
      }
      try {
        cases.add(summarise(i, dataset.load(i)));
      } catch (BadInputException e) {
        skipped.add(e.getMessage());
      }
      monitor.worked(1);
    }
    return new Result(cases, skipped);
  }

  /** The summary of case {@code c} found at {@code index}. */
  static CaseSummary summarise(int index, Case c) {
    int outlined = 0;
    for (LabelMask m : c.raters()) {
      if (!m.isEmpty()) {
        outlined++;
      }
    }
    return new CaseSummary(index, c.id(), c.patientId(), c.raters().size(), outlined);
  }
}
