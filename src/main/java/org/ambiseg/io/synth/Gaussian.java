package org.ambiseg.io.synth;

import java.util.SplittableRandom;

/**
 * Normal and uniform draws from a {@link SplittableRandom} with our own Box-Muller transform, so
 * generated data do not depend on the JDK's choice of Gaussian algorithm.
 */
final class Gaussian {

  private Gaussian() {}

  /** A standard normal draw (Box-Muller, one of the pair). */
  static double next(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** A uniform draw in [lo, hi). */
  static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }
}
