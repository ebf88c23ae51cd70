package org.ambiseg.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;

/**
 * Reads the AmbiSeg folder layout: {@code images/<id>.png}, rater masks {@code
 * masks/<id>/<rater>.png} (raters in natural name order) and an optional {@code truth.json} with
 * the known interpretations of synthetic cases (see {@link TruthJson}).
 *
 * <p>Every case must have as many rater masks as most cases do; a case that differs is left out and
 * reported in {@link #problems()} with the rater files it lacks. Masks must have their image's
 * size, which {@link #load} checks. A folder holding {@code train/ val/ test/} splits is opened one
 * split at a time.
 */
public final class FolderLayoutDataset extends IndexedDataset<FolderLayoutDataset.FolderCase> {

  /** Sub-folder holding the images. */
  public static final String IMAGES = "images";

  /** Sub-folder holding one folder of rater masks per case. */
  public static final String MASKS = "masks";

  /** One indexed case: its image file and its rater files. */
  record FolderCase(String id, Path image, List<Path> raters) implements IndexedDataset.Entry {
    @Override
    public Optional<String> patientId() {
      return Optional.empty();
    }
  }

  private final Map<String, List<TruthEntry>> truth;

  private FolderLayoutDataset(
      Path dir,
      List<FolderCase> cases,
      List<String> problems,
      Map<String, List<TruthEntry>> truth) {
    super(DatasetReaders.displayName(dir), DatasetFormat.AMBISEG_FOLDER, cases, problems);
    this.truth = truth;
  }

  /** True when {@code dir} looks like this layout (it has an {@code images/} folder). */
  static boolean looksLike(Path dir) {
    return Files.isDirectory(dir.resolve(IMAGES));
  }

  /**
   * Indexes the folder; in strict mode the first problem is thrown instead of being collected.
   *
   * @throws BadInputException when the folder has no {@code images/} folder, truth.json is invalid,
   *     or (strict) any case breaks the layout
   */
  public static FolderLayoutDataset open(Path dir, boolean strict) throws BadInputException {
    Path imagesDir = dir.resolve(IMAGES);
    if (!Files.isDirectory(imagesDir)) {
      throw new BadInputException(dir, "not an AmbiSeg dataset folder: it has no images/ folder");
    }
    ProblemLog log = new ProblemLog(strict);
    Map<String, Path> images = new HashMap<>();
    for (Path f : FolderFiles.files(imagesDir)) {
      if (FolderFiles.extension(f).equals("png")) {
        Path first = images.putIfAbsent(FolderFiles.stem(f), f);
        if (first != null) {
          log.add(f.toString(), "same case id as " + first + "; ignored");
        }
      } else {
        log.add(f.toString(), "not a .png image, ignored");
      }
    }
    Map<String, List<Path>> raters = raterFiles(dir.resolve(MASKS), images, log);
    List<FolderCase> cases = keepConsistentRaters(dir, images, raters, log);
    Map<String, List<TruthEntry>> truth = Map.of();
    if (TruthJson.exists(dir)) {
      truth = TruthJson.readIndex(dir);
      for (String id : truth.keySet()) {
        if (!images.containsKey(id)) {
          log.add(
              dir.resolve(TruthJson.FILE_NAME).toString(),
              "lists case " + id + " which has no image " + imagesDir.resolve(id + ".png"));
        }
      }
    }
    return new FolderLayoutDataset(dir, cases, log.lines(), truth);
  }

  /** The known interpretations of case {@code i} from truth.json (empty when none are listed). */
  public List<Interpretation> interpretations(int i) throws BadInputException {
    List<Interpretation> out = new ArrayList<>();
    for (TruthEntry t : truth.getOrDefault(caseId(i), List.of())) {
      out.add(t.load());
    }
    return List.copyOf(out);
  }

  /** True when the folder has a truth.json. */
  public boolean hasTruth() {
    return !truth.isEmpty();
  }

  @Override
  Case decode(FolderCase c) throws BadInputException {
    Image2D image = ImageReader.readImage(c.image());
    List<LabelMask> masks = new ArrayList<>();
    for (Path r : c.raters()) {
      LabelMask m = ImageReader.readMask(r);
      DatasetChecks.requireSameSize(r.toString(), m, image);
      masks.add(m);
    }
    return new Case(
        c.id(),
        Optional.empty(),
        image,
        masks,
        Map.of("source", c.image().toString(), "format", DatasetFormat.AMBISEG_FOLDER.id()));
  }

  private static Map<String, List<Path>> raterFiles(
      Path masksDir, Map<String, Path> images, ProblemLog log) throws BadInputException {
    Map<String, List<Path>> out = new HashMap<>();
    if (!Files.isDirectory(masksDir)) {
      return out;
    }
    for (Path caseDir : FolderFiles.folders(masksDir)) {
      String id = caseDir.getFileName().toString();
      if (!images.containsKey(id)) {
        log.add(caseDir.toString(), "rater masks for a case with no image " + id + ".png");
        continue;
      }
      List<Path> pngs = new ArrayList<>();
      for (Path f : FolderFiles.files(caseDir)) {
        if (FolderFiles.extension(f).equals("png")) {
          pngs.add(f);
        } else {
          log.add(f.toString(), "not a .png mask, ignored");
        }
      }
      out.put(id, pngs);
    }
    return out;
  }

  private static List<FolderCase> keepConsistentRaters(
      Path dir, Map<String, Path> images, Map<String, List<Path>> raters, ProblemLog log)
      throws BadInputException {
    List<Integer> counts = new ArrayList<>();
    Map<List<String>, Integer> nameSets = new HashMap<>();
    for (String id : images.keySet()) {
      List<Path> r = raters.getOrDefault(id, List.of());
      counts.add(r.size());
      nameSets.merge(fileNames(r), 1, Integer::sum);
    }
    int expected = DatasetChecks.mostCommon(counts);
    List<String> usualNames =
        nameSets.entrySet().stream()
            .filter(e -> e.getKey().size() == expected)
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(List.of());
    List<String> ids = new ArrayList<>(images.keySet());
    ids.sort(CaseIdOrder.NATURAL);
    List<FolderCase> cases = new ArrayList<>();
    for (String id : ids) {
      List<Path> r = raters.getOrDefault(id, List.of());
      if (r.size() != expected) {
        Set<String> missing = new LinkedHashSet<>(usualNames);
        missing.removeAll(fileNames(r));
        log.add(
            dir.resolve(MASKS).resolve(id).toString(),
            "has "
                + r.size()
                + " rater masks but the other cases have "
                + expected
                + (missing.isEmpty() ? "" : " (missing " + String.join(", ", missing) + ")")
                + "; case left out");
        continue;
      }
      cases.add(new FolderCase(id, images.get(id), List.copyOf(r)));
    }
    return cases;
  }

  private static List<String> fileNames(List<Path> files) {
    return files.stream().map(p -> p.getFileName().toString()).toList();
  }
}
