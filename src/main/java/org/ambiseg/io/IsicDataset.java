package org.ambiseg.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/**
 * Reads ISIC-style single-annotator data: images {@code <id>.jpg|jpeg|png} in one folder and one
 * mask {@code <id>_segmentation.png} (or {@code _Segmentation.png}) each in another folder or the
 * same one. Each case has exactly one rater. {@code <id>_superpixels.png} files are skipped.
 *
 * <p>Images without a mask, and masks without an image, are left out and reported in {@link
 * #problems()}; {@link #load} checks that the mask has the image's size.
 */
public final class IsicDataset extends IndexedDataset<IsicDataset.IsicCase> {

  private static final Pattern MASK = Pattern.compile("(?i)^(.+)_segmentation\\.png$");
  private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png");

  /** One indexed case: its image and its single mask. */
  record IsicCase(String id, Path image, Path mask) implements IndexedDataset.Entry {
    @Override
    public Optional<String> patientId() {
      return Optional.empty();
    }
  }

  private IsicDataset(String name, List<IsicCase> cases, List<String> problems) {
    super(name, DatasetFormat.ISIC, cases, problems);
  }

  /** True when {@code dir} or one of its sub-folders holds {@code *_segmentation.png} masks. */
  static boolean looksLike(Path dir) throws BadInputException {
    if (hasMasks(dir)) {
      return true;
    }
    for (Path sub : FolderFiles.folders(dir)) {
      if (hasMasks(sub)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Opens a folder holding both images and masks, or holding one image folder and one mask folder.
   */
  public static IsicDataset open(Path dir, boolean strict) throws BadInputException {
    if (hasMasks(dir)) {
      Path images = hasImages(dir) ? dir : onlyImageFolder(dir, null);
      return open(images, dir, strict);
    }
    Path masks = null;
    for (Path sub : FolderFiles.folders(dir)) {
      if (hasMasks(sub)) {
        if (masks != null) {
          throw new BadInputException(dir, "two mask folders: " + masks + " and " + sub);
        }
        masks = sub;
      }
    }
    if (masks == null) {
      throw new BadInputException(dir, "no *_segmentation.png masks here or in a sub-folder");
    }
    return open(onlyImageFolder(dir, masks), masks, strict);
  }

  /** Opens images from {@code imagesDir} and their masks from {@code masksDir} (may be equal). */
  public static IsicDataset open(Path imagesDir, Path masksDir, boolean strict)
      throws BadInputException {
    ProblemLog log = new ProblemLog(strict);
    Map<String, Path> masks = new HashMap<>();
    for (Path f : FolderFiles.files(masksDir)) {
      Matcher m = MASK.matcher(f.getFileName().toString());
      if (m.matches()) {
        masks.put(m.group(1), f);
      }
    }
    Map<String, Path> images = new HashMap<>();
    for (Path f : FolderFiles.files(imagesDir)) {
      if (isImage(f)) {
        images.put(FolderFiles.stem(f), f);
      }
    }
    List<IsicCase> cases = new ArrayList<>();
    List<String> ids = new ArrayList<>(images.keySet());
    ids.sort(CaseIdOrder.NATURAL);
    for (String id : ids) {
      Path mask = masks.get(id);
      if (mask == null) {
        log.add(images.get(id).toString(), "no mask " + id + "_segmentation.png; left out");
      } else {
        cases.add(new IsicCase(id, images.get(id), mask));
      }
    }
    List<String> maskIds = new ArrayList<>(masks.keySet());
    maskIds.sort(CaseIdOrder.NATURAL);
    for (String id : maskIds) {
      if (!images.containsKey(id)) {
        log.add(masks.get(id).toString(), "mask without an image " + id + ".jpg/.png; ignored");
      }
    }
    if (cases.isEmpty() && log.lines().isEmpty()) {
      throw new BadInputException(imagesDir, "no images found");
    }
    return new IsicDataset(DatasetReaders.displayName(imagesDir), cases, log.lines());
  }

  @Override
  Case decode(IsicCase c) throws BadInputException {
    Image2D image = ImageReader.readImage(c.image());
    LabelMask mask = ImageReader.readMask(c.mask());
    DatasetChecks.requireSameSize(c.mask().toString(), mask, image);
    return new Case(
        c.id(),
        Optional.empty(),
        image,
        List.of(mask),
        Map.of("source", c.image().toString(), "format", DatasetFormat.ISIC.id()));
  }

  private static boolean isImage(Path f) {
    String stem = FolderFiles.stem(f).toLowerCase(Locale.ROOT);
    return IMAGE_EXTENSIONS.contains(FolderFiles.extension(f))
        && !stem.endsWith("_segmentation")
        && !stem.endsWith("_superpixels");
  }

  private static boolean hasMasks(Path dir) throws BadInputException {
    return FolderFiles.files(dir).stream()
        .anyMatch(f -> MASK.matcher(f.getFileName().toString()).matches());
  }

  private static boolean hasImages(Path dir) throws BadInputException {
    return FolderFiles.files(dir).stream().anyMatch(IsicDataset::isImage);
  }

  private static Path onlyImageFolder(Path dir, Path masks) throws BadInputException {
    Path found = null;
    for (Path sub : FolderFiles.folders(dir)) {
      if (!sub.equals(masks) && hasImages(sub)) {
        if (found != null) {
          throw new BadInputException(dir, "two image folders: " + found + " and " + sub);
        }
        found = sub;
      }
    }
    if (found == null) {
      throw new BadInputException(dir, "masks found but no folder of .jpg/.png images");
    }
    return found;
  }
}
