package org.ambiseg.app.latent;

import org.ambiseg.core.Image2D;
import org.ambiseg.estimate.Estimator;

/**
 * One snapshot of what the panel asks the model thread for, taken on the FX thread: the estimator
 * and image it applies to (both null to release the cached encoding), the latent choice, the
 * request's number, and when the oldest user change it serves happened (0 when not a user change).
 */
record LatentRequest(
    Estimator estimator, Image2D image, Steering steering, long generation, long changeNanos) {

  /** The latent choice of one request. */
  sealed interface Steering permits Offsets, Scales, Release {}

  /** Prob U-Net: z = prior mean + offsets * prior sigma, offsets in prior standard deviations. */
  record Offsets(double[] values) implements Steering {}

  /** HPU-Net: per scale a temperature or the prior mean, noise drawn from {@code seed}. */
  record Scales(double[] temperatures, boolean[] fixedToMean, long seed) implements Steering {}

  /** No image or no latent model: drop the cached encoding. */
  record Release() implements Steering {}

  boolean measured() {
    return changeNanos != 0;
  }
}
