package org.ambiseg.app.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an opened image file into a {@link Case}: when the file is {@code
 * <dataset>/images/<id>.png} of a dataset in the AmbiSeg folder layout, the case with its rater
 * masks; otherwise a case with no raters, named after the file.
 */
public final class CaseFiles {

  private static final Logger LOG = LoggerFactory.getLogger(CaseFiles.class);

  private CaseFiles() {}

  /** The case of {@code file}, whose pixels {@code image} were already read. */
  public static Case caseFor(Path file, Image2D image) {
    String id = stem(file);
    return fromDataset(file, id).orElseGet(() -> Case.of(id, image, List.of()));
  }

  private static Optional<Case> fromDataset(Path file, String id) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent == null
        || parent.getFileName() == null
        || !parent.getFileName().toString().equals("images")
        || parent.getParent() == null) {
      return Optional.empty();
    }
    try (Dataset dataset = DatasetReaders.open(parent.getParent())) {
      for (int i = 0; i < dataset.size(); i++) {
        if (dataset.caseId(i).equals(id)) {
          return Optional.of(dataset.load(i));
        }
      }
    } catch (BadInputException | RuntimeException e) {
      LOG.debug("{} is not a case of a dataset folder: {}", file, e.getMessage());
    }
    return Optional.empty();
  }

  private static String stem(Path file) {
    Path name = file.getFileName();
    String s = name == null ? file.toString() : name.toString();
    int dot = s.lastIndexOf('.');
    return dot > 0 ? s.substring(0, dot) : s;
  }
}
