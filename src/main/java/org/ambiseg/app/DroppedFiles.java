package org.ambiseg.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Decides which of the files dropped on the window the app opens: the first supported image. */
public final class DroppedFiles {

  private DroppedFiles() {}

  /** The first file with a supported image extension, if any. */
  public static Optional<Path> firstImage(List<File> files) {
    if (files == null) {
      return Optional.empty();
    }
    return files.stream()
        .filter(File::isFile)
        .map(File::toPath)
        .filter(ImageFormats::isSupported)
        .findFirst();
  }
}
