package org.ambiseg.core;

import java.nio.file.Path;

/**
 * The project's checked exception for input that cannot be used: a file that is corrupt, of the
 * wrong size or format, or a dataset that breaks its layout. The message always names the file (or
 * entry) and the problem, in one line, ready to show to a user.
 */
public class BadInputException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final String problem;

  /** A problem with the named source (a file path, a zip entry, a case id). */
  public BadInputException(String source, String problem) {
    super(oneLine(source) + ": " + oneLine(problem));
    this.source = source;
    this.problem = oneLine(problem);
  }

  /** A problem with the named source, caused by a lower-level exception. */
  public BadInputException(String source, String problem, Throwable cause) {
    super(oneLine(source) + ": " + oneLine(problem), cause);
    this.source = source;
    this.problem = oneLine(problem);
  }

  /** A problem with a file. */
  public BadInputException(Path file, String problem) {
    this(String.valueOf(file), problem);
  }

  /** A problem with a file, caused by a lower-level exception. */
  public BadInputException(Path file, String problem, Throwable cause) {
    this(String.valueOf(file), problem, cause);
  }

  /**
   * The text on one line: line breaks (e.g. in a parser's message) become spaces, other control
   * characters (e.g. in a hostile file name) become '?'.
   */
  private static String oneLine(String text) {
    if (text == null) {
      return "null";
    }
    return text.replace('\t', ' ')
        .replaceAll("\\s*[\\r\\n]+\\s*", " ")
        .replaceAll("\\p{Cntrl}", "?");
  }

  /** The file, entry or case the problem is in. */
  public String source() {
    return source;
  }

  /** What is wrong, without the source. */
  public String problem() {
    return problem;
  }
}
