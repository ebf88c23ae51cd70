package org.ambiseg.app.cases;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of the recent-files list: a file or folder and how it was opened.
 *
 * @param path the absolute, normalised path
 * @param kind whether it was opened as an image or as a dataset
 */
public record RecentFile(Path path, Kind kind) {

  /** How a recent file is opened again. */
  public enum Kind {
    /** A single image (PNG, TIFF, DICOM, ...). */
    IMAGE,
    /** A dataset (folder, LIDC zip or pickle, ISIC folder). */
    DATASET
  }

  /** Makes the path absolute and normalised. */
  public RecentFile {
    Objects.requireNonNull(kind, "kind");
    path = path.toAbsolutePath().normalize();
  }
}
