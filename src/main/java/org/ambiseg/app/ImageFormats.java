package org.ambiseg.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The image file types the app offers to open, by file-name extension. */
public final class ImageFormats {

  /** Extensions (lower case, no dot) of the files the app opens. */
  public static final List<String> EXTENSIONS =
      List.of("png", "tif", "tiff", "bmp", "jpg", "jpeg", "dcm");

  private ImageFormats() {}

  /** True when the file name ends with one of {@link #EXTENSIONS} (any case). */
  public static boolean isSupported(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String s = name.toString().toLowerCase(Locale.ROOT);
    int dot = s.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(s.substring(dot + 1));
  }

  /** The extensions as file-chooser patterns: {@code *.png}, {@code *.tif}, ... */
  public static List<String> globs() {
    return EXTENSIONS.stream().map(e -> "*." + e).toList();
  }
}
