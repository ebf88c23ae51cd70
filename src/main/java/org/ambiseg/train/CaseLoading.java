package org.ambiseg.train;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;

/**
 * Loads the cases of a dataset for training (CLI and app), reporting progress and the cases left
 * out.
 */
public final class CaseLoading {

  private CaseLoading() {}

  /** Loads the first {@code limit} cases (all when null); bad cases are reported and skipped. */
  public static List<Case> loadAll(Path path, Integer limit, PrintStream log)
      throws BadInputException {
    try (Dataset dataset = DatasetReaders.open(path)) {
      int n = limit == null ? dataset.size() : Math.min(limit, dataset.size());
      List<Case> cases = new ArrayList<>(n);
      int bad = 0;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        try {
          cases.add(dataset.load(i));
        } catch (BadInputException e) {
          bad++;
          log.println("skipped: " + e.getMessage());
        }
      }
      for (String problem : dataset.problems()) {
        log.println("left out: " + problem);
      }
      log.printf(
          "read %d cases from %s (%s) in %.1f s%s%n",
          cases.size(),
          path,
          dataset.format(),
          (System.nanoTime() - start) / 1e9,
          bad > 0 ? ", " + bad + " bad cases skipped" : "");
      if (cases.isEmpty()) {
        throw new BadInputException(path, "no usable cases");
      }
      return cases;
    }
  }
}
