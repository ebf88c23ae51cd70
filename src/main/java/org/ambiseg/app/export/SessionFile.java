package org.ambiseg.app.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ambiseg.app.cases.Roi;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.io.render.OverlayLook;

/**
 * Everything needed to reopen a session: which case, which model and estimator, the seed and number
 * of samples, the latent slider positions, the map shown, the overlay look and, for a large image,
 * the region that was sampled. Read and written as JSON by {@link SessionJson}.
 *
 * @param caseRef the case: an image file, or a dataset and a case id
 * @param modelDir the model folder
 * @param estimatorKind "default" or "tta" (as for {@code Estimators.open})
 * @param seed the sampling seed
 * @param sampleCount N, the number of samples (at least 1)
 * @param latent the latent slider positions z (empty when the model has no latent sliders)
 * @param mapKind the uncertainty map shown
 * @param overlay how masks are drawn
 * @param region the region of a large image that was sampled (empty when the case is shown whole)
 */
public record SessionFile(
    CaseRef caseRef,
    Path modelDir,
    String estimatorKind,
    long seed,
    int sampleCount,
    List<Double> latent,
    MapKind mapKind,
    OverlayLook overlay,
    Optional<Roi> region) {

  /** Checks that every part is given and N is at least 1; copies the latent vector. */
  public SessionFile {
    Objects.requireNonNull(caseRef, "caseRef");
    Objects.requireNonNull(modelDir, "modelDir");
    Objects.requireNonNull(estimatorKind, "estimatorKind");
    Objects.requireNonNull(mapKind, "mapKind");
    Objects.requireNonNull(overlay, "overlay");
    Objects.requireNonNull(region, "region");
    latent = List.copyOf(latent);
    if (sampleCount < 1) {
      throw new IllegalArgumentException("sample count must be at least 1, got " + sampleCount);
    }
  }

  /**
   * Where a session's case comes from: a single image file, or case {@code caseId} of the dataset
   * at {@code dataset} (any format {@code DatasetReaders.open} reads).
   *
   * @param imageFile the image file, when the case is a lone image
   * @param dataset the dataset, when the case is one of its cases
   * @param caseId the case id within the dataset
   */
  public record CaseRef(Optional<Path> imageFile, Optional<Path> dataset, Optional<String> caseId) {

    /** Checks that exactly one of image file and dataset + case id is given. */
    public CaseRef {
      boolean image = imageFile.isPresent() && dataset.isEmpty() && caseId.isEmpty();
      boolean inDataset = imageFile.isEmpty() && dataset.isPresent() && caseId.isPresent();
      if (!image && !inDataset) {
        throw new IllegalArgumentException("a case is an image file or a dataset and a case id");
      }
    }

    /** A lone image file. */
    public static CaseRef image(Path file) {
      return new CaseRef(Optional.of(file), Optional.empty(), Optional.empty());
    }

    /** Case {@code id} of the dataset at {@code dataset}. */
    public static CaseRef datasetCase(Path dataset, String id) {
      return new CaseRef(Optional.empty(), Optional.of(dataset), Optional.of(id));
    }
  }
}
