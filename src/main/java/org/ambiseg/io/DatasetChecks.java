package org.ambiseg.io;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/** Validation shared by the dataset readers; every failure names the offending file. */
final class DatasetChecks {

  private DatasetChecks() {}

  /** Fails unless {@code mask} (read from {@code maskSource}) has the image's size. */
  static void requireSameSize(String maskSource, LabelMask mask, Image2D image)
      throws BadInputException {
    if (mask.width() != image.width() || mask.height() != image.height()) {
      throw new BadInputException(
          maskSource,
          "mask is "
              + mask.width()
              + "x"
              + mask.height()
              + " but its image is "
              + image.width()
              + "x"
              + image.height());
    }
  }

  /** The most frequent value (the larger one on a tie); 0 for an empty collection. */
  static int mostCommon(Collection<Integer> values) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int v : values) {
      counts.merge(v, 1, Integer::sum);
    }
    int best = 0;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() > best)) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }
}
