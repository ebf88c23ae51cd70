package org.ambiseg.io;

import java.util.List;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;

/**
 * A set of cases opened from disk (a folder, a zip or a pickle) and indexed on open; cases are
 * decoded on demand by {@link #load}, so large datasets need not fit in memory at once.
 */
public interface Dataset extends AutoCloseable {

  /** A short name for display (usually the file or folder name). */
  String name();

  /** The detected format, e.g. "ambiseg-folder", "lidc-png", "lidc-pickle", "isic". */
  String format();

  /** Number of cases, in a fixed, documented order (sorted by case id). */
  int size();

  /** Id of case {@code i} without decoding it. */
  String caseId(int i);

  /** Patient id of case {@code i} when the format has one. */
  Optional<String> patientId(int i);

  /** Decodes and validates case {@code i}. */
  Case load(int i) throws BadInputException;

  /** Problems found while indexing (cases left out), one line each naming the file. */
  List<String> problems();

  @Override
  void close();
}
