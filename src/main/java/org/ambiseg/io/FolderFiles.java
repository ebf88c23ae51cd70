package org.ambiseg.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ambiseg.core.BadInputException;

/** Lists the files of one folder (not recursive, hidden files skipped) in natural name order. */
final class FolderFiles {

  private FolderFiles() {}

  /** Regular, non-hidden files directly in {@code dir}. */
  static List<Path> files(Path dir) throws BadInputException {
    return list(dir, true);
  }

  /** Sub-folders directly in {@code dir}. */
  static List<Path> folders(Path dir) throws BadInputException {
    return list(dir, false);
  }

  /** The file name without its last extension. */
  static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** The lower-case extension without the dot, or "". */
  static String extension(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }

  private static List<Path> list(Path dir, boolean regularFiles) throws BadInputException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> regularFiles ? Files.isRegularFile(p) : Files.isDirectory(p))
          .forEach(out::add);
    } catch (IOException e) {
      throw new BadInputException(dir, "cannot list folder (" + e.getMessage() + ")", e);
    }
    out.sort((a, b) -> CaseIdOrder.NATURAL.compare(name(a), name(b)));
    return out;
  }

  private static String name(Path p) {
    return p.getFileName().toString();
  }
}
