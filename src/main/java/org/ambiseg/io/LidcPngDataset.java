package org.ambiseg.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/**
 * Reads the LIDC 128x128 PNG export, {@code LIDC-IDRI-slices/<patient>/nodule-N/images/slice-K.png}
 * with four rater masks {@code .../mask-0..mask-3/slice-K.png}, from the extracted folder or
 * straight from the .zip (random access, entries indexed on open; unsafe zips are refused, see
 * {@link SafeZip}).
 *
 * <p>Case id = {@code patient/nodule-N/slice-K}; patient id = the {@code LIDC-IDRI-XXXX} folder.
 * Indexing leaves out (and reports) slices lacking their image or any of the four mask slots;
 * {@link #load} checks that the image is greyscale and every mask has its size. A mask pixel is
 * foreground when non-zero (the export uses 0/255); an all-zero mask is a real answer (that reader
 * did not outline the nodule on the slice). The export's 8-bit grey PNGs are decoded by {@link
 * LidcPngDecoder} (ImageIO was the bottleneck); any other PNG goes through {@link ImageReader}.
 */
public final class LidcPngDataset extends IndexedDataset<LidcPngDataset.Slice> {

  /** Mask slots per slice: one per LIDC reading. */
  public static final int RATERS = 4;

  private static final Pattern LAYOUT =
      Pattern.compile("^(.*/)?([^/]+)/(nodule-\\d+)/(images|mask-(\\d+))/(slice-\\d+)\\.png$");

  /** One indexed slice: where its image and its four masks are. */
  record Slice(String id, String patient, String image, List<String> masks)
      implements IndexedDataset.Entry {
    @Override
    public Optional<String> patientId() {
      return Optional.of(patient);
    }
  }

  private final EntrySource source;

  private LidcPngDataset(
      String name, List<Slice> slices, List<String> problems, EntrySource source) {
    super(name, DatasetFormat.LIDC_PNG, slices, problems);
    this.source = source;
  }

  /** True when any file name under the source follows the layout. */
  static boolean looksLike(List<String> fileNames) {
    for (String n : fileNames) {
      if (LAYOUT.matcher(n).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Opens a .zip or an extracted folder; in strict mode the first problem is thrown.
   *
   * @throws BadInputException when the zip is unreadable or unsafe, no slice follows the layout, or
   *     (strict) any slice is incomplete
   */
  public static LidcPngDataset open(Path path, boolean strict) throws BadInputException {
    EntrySource source = Files.isDirectory(path) ? FolderTree.open(path) : SafeZip.open(path);
    try {
      ProblemLog log = new ProblemLog(strict);
      List<Slice> slices = index(source, log);
      if (slices.isEmpty() && log.lines().isEmpty()) {
        throw new BadInputException(
            path, "no LIDC slices found (expected <patient>/nodule-N/images/slice-K.png)");
      }
      return new LidcPngDataset(DatasetReaders.displayName(path), slices, log.lines(), source);
    } catch (BadInputException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  @Override
  Case decode(Slice s) throws BadInputException {
    String imageName = source.describe(s.image());
    Image2D image = LidcPngDecoder.decodeImage(imageName, source.read(s.image()));
    if (image.channels() != 1) {
      throw new BadInputException(
          imageName, "expected a greyscale image, got " + image.channels() + " channels");
    }
    List<LabelMask> masks = new ArrayList<>(RATERS);
    for (String m : s.masks()) {
      String maskName = source.describe(m);
      LabelMask mask = LidcPngDecoder.decodeMask(maskName, source.read(m));
      DatasetChecks.requireSameSize(maskName, mask, image);
      masks.add(mask);
    }
    return new Case(
        s.id(),
        Optional.of(s.patient()),
        image,
        masks,
        Map.of("source", imageName, "format", DatasetFormat.LIDC_PNG.id()));
  }

  @Override
  public void close() {
    source.close();
  }

  private static List<Slice> index(EntrySource source, ProblemLog log) throws BadInputException {
    Map<String, String[]> files = new HashMap<>();
    Map<String, String> prefixes = new HashMap<>();
    List<String> names = new ArrayList<>(source.fileNames());
    names.sort(CaseIdOrder.NATURAL);
    for (String name : names) {
      if (isIgnorable(name)) {
        continue;
      }
      Matcher m = LAYOUT.matcher(name);
      if (!m.matches()) {
        log.add(source.describe(name), "not in the LIDC layout <patient>/nodule-N/...; ignored");
        continue;
      }
      String prefix = m.group(1) == null ? "" : m.group(1);
      String id = m.group(2) + "/" + m.group(3) + "/" + m.group(6);
      String previous = prefixes.putIfAbsent(id, prefix);
      if (previous != null && !previous.equals(prefix)) {
        log.add(source.describe(name), "case " + id + " also appears under " + previous);
        continue;
      }
      int slot = m.group(5) == null ? 0 : Integer.parseInt(m.group(5)) + 1;
      if (slot > RATERS) {
        log.add(source.describe(name), "mask slot beyond mask-" + (RATERS - 1) + "; ignored");
        continue;
      }
      files.computeIfAbsent(id, k -> new String[RATERS + 1])[slot] = name;
    }
    List<String> ids = new ArrayList<>(files.keySet());
    ids.sort(CaseIdOrder.NATURAL);
    List<Slice> slices = new ArrayList<>(ids.size());
    for (String id : ids) {
      Slice s = complete(id, prefixes.get(id), files.get(id), source, log);
      if (s != null) {
        slices.add(s);
      }
    }
    return slices;
  }

  private static Slice complete(
      String id, String prefix, String[] slots, EntrySource source, ProblemLog log)
      throws BadInputException {
    String[] parts = id.split("/");
    String base = prefix + parts[0] + "/" + parts[1] + "/";
    String png = parts[2] + ".png";
    if (slots[0] == null) {
      log.add(source.describe(base + "images/" + png), "missing image for its masks; left out");
      return null;
    }
    List<String> masks = new ArrayList<>(RATERS);
    for (int r = 0; r < RATERS; r++) {
      if (slots[r + 1] == null) {
        log.add(
            source.describe(base + "mask-" + r + "/" + png),
            "missing mask slot " + r + " of " + RATERS + "; slice left out");
        return null;
      }
      masks.add(slots[r + 1]);
    }
    return new Slice(id, parts[0], slots[0], List.copyOf(masks));
  }

  private static boolean isIgnorable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String file = lower.substring(lower.lastIndexOf('/') + 1);
    return !lower.endsWith(".png") || file.startsWith(".") || lower.startsWith("__macosx/");
  }
}
