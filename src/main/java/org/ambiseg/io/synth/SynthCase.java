package org.ambiseg.io.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;

/**
 * One generated case: the image, its known interpretations (probabilities sum to 1, masks before
 * jitter), the rater masks drawn from them, and the parameters that decided the probabilities.
 *
 * @param id case id, e.g. "synth-00042"
 * @param image grey image, values in [0, 1], quantised to 8 bits
 * @param truth the interpretations with their probabilities
 * @param raters the rater masks (r0..r3)
 * @param parameters drawn and measured lesion facts
 */
public record SynthCase(
    String id,
    Image2D image,
    List<Interpretation> truth,
    List<LabelMask> raters,
    LesionParameters parameters) {

  /** Copies the lists. */
  public SynthCase {
    truth = List.copyOf(truth);
    raters = List.copyOf(raters);
  }

  /** This case as a core {@link Case} (no patient id; the parameters as metadata). */
  public Case toCase() {
    List<String> names = new ArrayList<>();
    for (Interpretation t : truth) {
      names.add(t.name() + "=" + t.probability());
    }
    Map<String, String> metadata =
        Map.of(
            "source", "synthetic",
            "interpretations", String.join(", ", names),
            "coreContrast", Double.toString(parameters.coreContrast()),
            "lobeContrast", Double.toString(parameters.lobeContrast()));
    return new Case(id, Optional.empty(), image, raters, metadata);
  }
}
