package org.ambiseg.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One image to segment with the masks its raters drew (0..N) and free-form metadata.
 *
 * @param id unique id within its dataset (for LIDC: patient/nodule/slice)
 * @param patientId the patient the image belongs to, used to split data without leaking patients
 *     (empty when the dataset has no patient ids)
 * @param image the image, values in [0, 1]
 * @param raters the rater masks, each the size of the image
 * @param metadata extra facts about the case (source file, modality, ...)
 */
public record Case(
    String id,
    Optional<String> patientId,
    Image2D image,
    List<LabelMask> raters,
    Map<String, String> metadata) {

  /** Validates that every rater mask has the image's size, and copies the collections. */
  public Case {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a case needs an id");
    }
    raters = List.copyOf(raters);
    metadata = Map.copyOf(metadata);
    for (int i = 0; i < raters.size(); i++) {
      LabelMask m = raters.get(i);
      if (m.width() != image.width() || m.height() != image.height()) {
        throw new IllegalArgumentException(
            "case "
                + id
                + ": rater mask "
                + i
                + " is "
                + m.width()
                + "x"
                + m.height()
                + " but the image is "
                + image.width()
                + "x"
                + image.height());
      }
    }
  }

  /** A case with no patient id and no metadata. */
  public static Case of(String id, Image2D image, List<LabelMask> raters) {
    return new Case(id, Optional.empty(), image, raters, Map.of());
  }

  /** The patient id when known, else the case id (each case its own group). */
  public String groupId() {
    return patientId.orElse(id);
  }
}
