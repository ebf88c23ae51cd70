package org.ambiseg.io;

import java.nio.file.Path;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;

/**
 * One interpretation listed in a dataset's truth.json, before its mask is decoded.
 *
 * @param name the interpretation's short label
 * @param probability probability that a rater draws it, in [0, 1]
 * @param maskFile the interpretation's mask PNG (resolved against the dataset folder)
 */
public record TruthEntry(String name, double probability, Path maskFile) {

  /** Reads the mask and returns the full interpretation. */
  public Interpretation load() throws BadInputException {
    LabelMask mask = ImageReader.readMask(maskFile);
    return new Interpretation(name, probability, mask);
  }
}
