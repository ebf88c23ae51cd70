package org.ambiseg.estimate;

import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;

/**
 * Turns an image into a set of plausible segmentations: the one interface the app, the CLI and the
 * metrics see, whatever the model (Prob U-Net, HPU-Net, MC dropout, TTA, MoSE). The same image, n
 * and seed always give the same samples. Implementations own native resources: close them.
 */
public interface Estimator extends AutoCloseable {

  /** Short name, e.g. "probunet". */
  String name();

  /** What the estimator offers beyond sampling. */
  Capabilities capabilities();

  /** Draws {@code n} samples for {@code image}, reproducibly for {@code seed}. */
  SampleSet sample(Image2D image, int n, long seed);

  @Override
  void close();
}
