package org.ambiseg.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which of the files dropped on the window the app opens: the first supported image, or the
 * first dataset (a folder, a .zip, a .pkl/.pickle file).
 */
public final class DroppedFiles {

  /** Extensions (lower case, no dot) of the dataset files a drop opens; folders always qualify. */
  public static final List<String> DATASET_EXTENSIONS = List.of("zip", "pkl", "pickle");

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

  /** The first folder, or file with a dataset extension ({@link #DATASET_EXTENSIONS}), if any. */
  public static Optional<Path> firstDataset(List<File> files) {
    if (files == null) {
      return Optional.empty();
    }
    return files.stream()
        .filter(f -> f.isDirectory() || (f.isFile() && isDatasetFile(f.getName())))
        .map(File::toPath)
        .findFirst();
  }

  private static boolean isDatasetFile(String name) {
    String s = name.toLowerCase(Locale.ROOT);
    int dot = s.lastIndexOf('.');
    return dot >= 0 && DATASET_EXTENSIONS.contains(s.substring(dot + 1));
  }
}
