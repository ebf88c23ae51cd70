package org.ambiseg.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;

/**
 * The common half of every reader: a list of indexed entries sorted by case id (natural order), the
 * problems met while indexing, and {@link #load} delegating the decoding to the format.
 *
 * @param <E> what the format remembers about one case between indexing and decoding
 */
abstract class IndexedDataset<E extends IndexedDataset.Entry> implements Dataset {

  /** What every indexed case knows without decoding. */
  interface Entry {
    String id();

    Optional<String> patientId();
  }

  private final String name;
  private final DatasetFormat format;
  private final List<E> entries;
  private final List<String> problems;

  IndexedDataset(String name, DatasetFormat format, List<E> entries, List<String> problems) {
    List<E> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::id, CaseIdOrder.NATURAL));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
        throw new IllegalArgumentException("duplicate case id " + sorted.get(i).id());
      }
    }
    this.name = name;
    this.format = format;
    this.entries = List.copyOf(sorted);
    this.problems = List.copyOf(problems);
  }

  /** Decodes and validates one indexed case. */
  abstract Case decode(E entry) throws BadInputException;

  /** The indexed entry of case {@code i}. */
  final E entry(int i) {
    return entries.get(Objects.checkIndex(i, entries.size()));
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String format() {
    return format.id();
  }

  @Override
  public final int size() {
    return entries.size();
  }

  @Override
  public final String caseId(int i) {
    return entry(i).id();
  }

  @Override
  public final Optional<String> patientId(int i) {
    return entry(i).patientId();
  }

  @Override
  public final Case load(int i) throws BadInputException {
    return decode(entry(i));
  }

  @Override
  public final List<String> problems() {
    return problems;
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name + ", " + size() + " cases]";
  }
}
