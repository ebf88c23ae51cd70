package org.ambiseg.app.export;

import java.util.Locale;

/** The kinds of file the export choosers ask for: their description and file name ending. */
public enum ExportFileType {
  /** An animated GIF. */
  GIF("Animated GIF", ".gif"),
  /** A PNG image. */
  PNG("PNG image", ".png"),
  /** A CSV table. */
  CSV("CSV table", ".csv"),
  /** An AmbiSeg session. */
  SESSION("AmbiSeg session", SessionJson.EXTENSION);

  private final String description;
  private final String extension;

  ExportFileType(String description, String extension) {
    this.description = description;
    this.extension = extension;
  }

  /** What the file dialog's filter calls these files. */
  public String description() {
    return description;
  }

  /** The file name ending, with its dot. */
  public String extension() {
    return extension;
  }

  /** {@code name} with this type's ending appended unless it already ends so (ignoring case). */
  public String withExtension(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(extension) ? name : name + extension;
  }
}
