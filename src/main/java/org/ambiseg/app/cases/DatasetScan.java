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
 * Checks the cases of an opened dataset, so that the case list keeps only cases that can be opened:
 * each case is decoded, summarised ({@link CaseSummary}) and dropped again; a case that fails to
 * decode is listed as skipped with its file and problem. {@link #check} does one range of cases
 * (the app checks in chunks so that loading a selected case need not wait for the whole dataset),
 * {@link #scan} the whole dataset after the problems the reader found while indexing. No JavaFX:
 * runs on any thread.
 */
public final class DatasetScan {

  /**
   * The outcome of a check.
   *
   * @param cases the cases that decoded, in dataset order
   * @param failed the dataset indices of the cases that did not
   * @param skipped one line per case or file left out, "file: problem"
   */
  public record Result(List<CaseSummary> cases, List<Integer> failed, List<String> skipped) {

    /** Copies the lists. */
    public Result {
      cases = List.copyOf(cases);
      failed = List.copyOf(failed);
      skipped = List.copyOf(skipped);
    }
  }

  private DatasetScan() {}

  /** Every indexed case of {@code dataset}, unchecked: what is known without decoding. */
  public static List<CaseSummary> unchecked(Dataset dataset) {
    List<CaseSummary> out = new ArrayList<>(dataset.size());
    for (int i = 0; i < dataset.size(); i++) {
      out.add(CaseSummary.unchecked(i, dataset.caseId(i), dataset.patientId(i)));
    }
    return out;
  }

  /** Decodes cases {@code from} (inclusive) to {@code to} (exclusive) of {@code dataset}. */
  public static Result check(Dataset dataset, int from, int to) {
    List<CaseSummary> cases = new ArrayList<>(Math.max(0, to - from));
    List<Integer> failed = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int i = from; i < to; i++) {
      try {
        cases.add(summarise(i, dataset.load(i)));
      } catch (BadInputException e) {
        failed.add(i);
        skipped.add(e.getMessage());
      }
    }
    return new Result(cases, failed, skipped);
  }

  /**
   * Decodes every case of {@code dataset}, reporting one unit of work per case to {@code monitor};
   * the skipped lines start with the dataset's own {@link Dataset#problems()}.
   *
   * @throws CancellationException when the monitor is cancelled before the end
   */
  public static Result scan(Dataset dataset, ProgressMonitor monitor) {
    int n = dataset.size();
    monitor.begin("Checking " + dataset.name(), n);
    List<CaseSummary> cases = new ArrayList<>(n);
    List<Integer> failed = new ArrayList<>();
    List<String> skipped = new ArrayList<>(dataset.problems());
    for (int i = 0; i < n; i++) {
      if (monitor.isCancelled()) {
        throw new CancellationException("checking " + dataset.name() + " cancelled");
      }
      Result one = check(dataset, i, i + 1);
      cases.addAll(one.cases());
      failed.addAll(one.failed());
      skipped.addAll(one.skipped());
      monitor.worked(1);
    }
    return new Result(cases, failed, skipped);
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
