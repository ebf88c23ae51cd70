package org.ambiseg.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}, e.g. the code that writes a file's content in
 * {@link AtomicFiles#write}.
 *
 * @param <T> the type of the value consumed
 */
@FunctionalInterface
public interface IoConsumer<T> {

  /** Consumes {@code value}. */
  void accept(T value) throws IOException;
}
