package org.ambiseg.io;

import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.BadInputException;

/**
 * Collects the problems found while indexing a dataset (one line each, naming the file); in strict
 * mode the first problem is thrown instead.
 */
final class ProblemLog {

  private final boolean strict;
  private final List<String> lines = new ArrayList<>();

  ProblemLog(boolean strict) {
    this.strict = strict;
  }

  /** Records a problem, or throws it in strict mode. */
  void add(String source, String problem) throws BadInputException {
    if (strict) {
      throw new BadInputException(source, problem);
    }
    lines.add(new BadInputException(source, problem).getMessage()); // one line, whatever the name
  }

  /** Records a problem reported as an exception, or rethrows it in strict mode. */
  void add(BadInputException e) throws BadInputException {
    if (strict) {
      throw e;
    }
    lines.add(e.getMessage());
  }

  /** The problems so far, in the order found. */
  List<String> lines() {
    return List.copyOf(lines);
  }
}
