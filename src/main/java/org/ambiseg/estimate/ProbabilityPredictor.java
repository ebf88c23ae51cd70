package org.ambiseg.estimate;

import java.util.List;
import org.ambiseg.core.Image2D;

/**
 * A deterministic segmentation model seen as a function from images to foreground probability maps:
 * what {@link TtaEstimator} wraps. Implementations run images of one size as one batch and may own
 * native resources, released by {@link #close}.
 */
@FunctionalInterface
public interface ProbabilityPredictor extends AutoCloseable {

  /**
   * One foreground probability map per image, in order; each is row-major with the image's width
   * and height and values in [0, 1].
   */
  List<float[]> predict(List<Image2D> images);

  @Override
  default void close() {}
}
