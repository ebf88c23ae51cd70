package org.ambiseg.app.cases;

import java.nio.file.Path;

/** The short name shown for a file or folder: its last path element. */
final class DisplayNames {

  private DisplayNames() {}

  /** The file or folder name of {@code path}, or the whole path when it has none. */
  static String of(Path path) {
    Path n = path.getFileName();
    return n == null ? path.toString() : n.toString();
  }
}
