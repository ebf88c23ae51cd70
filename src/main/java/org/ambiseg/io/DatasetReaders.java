package org.ambiseg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ambiseg.core.BadInputException;

/**
 * Opens any supported dataset: detects the format of a folder or file ({@link #detect}) or takes a
 * forced one, and returns the indexed {@link Dataset}.
 *
 * <p>Detection: a {@code .zip} is the LIDC PNG export; a {@code .pkl}/{@code .pickle} file (or any
 * file starting with the pickle protocol byte) is the LIDC pickle; a folder with {@code images/} is
 * the AmbiSeg layout; a folder with {@code LIDC-IDRI-slices/}, {@code <patient>/nodule-N/} or
 * {@code nodule-N/} folders is the extracted LIDC export (or one patient of it); a folder with
 * {@code *_segmentation.png} masks (in it or a sub-folder) is ISIC. A folder holding {@code train/
 * val/ test/} splits is refused with a message naming them: open one split at a time.
 *
 * <p>Lenient opening (the default) leaves broken cases out and lists them in {@link
 * Dataset#problems()}; strict opening throws on the first problem. The datasets returned here may
 * be loaded from several threads at once.
 */
public final class DatasetReaders {

  /** Split folder names recognised under a dataset folder. */
  public static final List<String> SPLIT_NAMES = List.of("train", "val", "test");

  private DatasetReaders() {}

  /** Detects the format and opens leniently. */
  public static Dataset open(Path path) throws BadInputException {
    return open(path, false);
  }

  /** Detects the format and opens; strict fails on the first problem found while indexing. */
  public static Dataset open(Path path, boolean strict) throws BadInputException {
    return open(path, detect(path), strict);
  }

  /** Opens with a forced format. */
  public static Dataset open(Path path, DatasetFormat format, boolean strict)
      throws BadInputException {
    if (!Files.exists(path)) {
      throw new BadInputException(path, "does not exist");
    }
    return switch (format) {
      case AMBISEG_FOLDER -> FolderLayoutDataset.open(path, strict);
      case LIDC_PNG -> LidcPngDataset.open(path, strict);
      case LIDC_PICKLE -> LidcPickleDataset.open(path, strict);
      case ISIC -> IsicDataset.open(path, strict);
    };
  }

  /** The format of a dataset file or folder. */
  public static DatasetFormat detect(Path path) throws BadInputException {
    if (!Files.exists(path)) {
      throw new BadInputException(path, "does not exist");
    }
    if (Files.isRegularFile(path)) {
      return detectFile(path);
    }
    if (FolderLayoutDataset.looksLike(path)) {
      return DatasetFormat.AMBISEG_FOLDER;
    }
    List<String> splits = splits(path);
    if (!splits.isEmpty()) {
      throw new BadInputException(
          path,
          "holds the splits "
              + String.join(", ", splits)
              + ": open one of them, e.g. "
              + path.resolve(splits.get(0)));
    }
    if (looksLikeLidcFolder(path)) {
      return DatasetFormat.LIDC_PNG;
    }
    if (IsicDataset.looksLike(path)) {
      return DatasetFormat.ISIC;
    }
    throw new BadInputException(
        path,
        "unknown dataset layout (expected images/ + masks/, LIDC-IDRI-slices/ or ISIC"
            + " *_segmentation.png masks)");
  }

  /** The split sub-folders (train, val, test) of {@code dir} that hold a dataset, in that order. */
  public static List<String> splits(Path dir) {
    List<String> out = new ArrayList<>();
    for (String s : SPLIT_NAMES) {
      Path sub = dir.resolve(s);
      if (Files.isDirectory(sub) && FolderLayoutDataset.looksLike(sub)) {
        out.add(s);
      }
    }
    return out;
  }

  /** The name shown for a dataset: its file or folder name. */
  static String displayName(Path path) {
    Path n = path.toAbsolutePath().normalize().getFileName();
    return n == null ? path.toString() : n.toString();
  }

  private static DatasetFormat detectFile(Path file) throws BadInputException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".zip")) {
      return DatasetFormat.LIDC_PNG;
    }
    if (name.endsWith(".pkl") || name.endsWith(".pickle")) {
      return DatasetFormat.LIDC_PICKLE;
    }
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read file (" + e.getMessage() + ")", e);
    }
    if (n >= 2 && (head[0] & 0xFF) == 0x80 && head[1] >= 2 && head[1] <= 5) {
      return DatasetFormat.LIDC_PICKLE;
    }
    if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return DatasetFormat.LIDC_PNG;
    }
    throw new BadInputException(file, "unknown dataset file (expected a .zip or a pickle)");
  }

  private static boolean looksLikeLidcFolder(Path dir) throws BadInputException {
    for (Path child : FolderFiles.folders(dir)) {
      String name = child.getFileName().toString();
      if (name.equals("LIDC-IDRI-slices") || name.startsWith("nodule-")) {
        return true;
      }
      for (Path grandChild : FolderFiles.folders(child)) {
        if (grandChild.getFileName().toString().startsWith("nodule-")) {
          return true;
        }
      }
    }
    return false;
  }
}
