package org.ambiseg.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes tables as CSV (RFC 4180 quoting, UTF-8 without byte-order mark, "\n" line ends),
 * atomically (see {@link AtomicFiles}).
 *
 * <p>A field is quoted when it contains a comma, a double quote, a line break or leading or
 * trailing spaces; quotes inside are doubled. Values are written with {@link String#valueOf}, so
 * numbers use the locale-independent Java form ({@code 0.25}, {@code -1.0E-4}); null becomes an
 * empty field.
 */
public final class CsvWriter {

  private CsvWriter() {}

  /**
   * Writes {@code header} and {@code rows} to {@code target}.
   *
   * @throws IllegalArgumentException when a row's length differs from the header's
   */
  public static void write(Path target, List<String> header, List<? extends List<?>> rows)
      throws IOException {
    AtomicFiles.writeString(target, toCsv(header, rows));
  }

  /** The CSV text of {@code header} and {@code rows}, each line ending in "\n". */
  public static String toCsv(List<String> header, List<? extends List<?>> rows) {
    StringBuilder out = new StringBuilder();
    appendLine(out, header);
    for (int i = 0; i < rows.size(); i++) {
      List<?> row = rows.get(i);
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "row "
                + i
                + " has "
                + row.size()
                + " fields, the header has "
                + header.size()
                + " "
                + header);
      }
      appendLine(out, row);
    }
    return out.toString();
  }

  /** One field, quoted when needed. */
  public static String quote(Object value) {
    String text = value == null ? "" : String.valueOf(value);
    boolean needsQuotes =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0
            || (!text.isEmpty()
                && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
    return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  private static void appendLine(StringBuilder out, List<?> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(fields.get(i)));
    }
    out.append('\n');
  }
}
