package org.ambiseg.model;

import ai.djl.ndarray.NDArray;

/**
 * Chooses the latent z of each scale of a hierarchical core from that scale's Gaussian: a sample
 * (mean + sigma * eps), the mean, or a given tensor injected from elsewhere (the posterior's
 * latents during training, a user's choice in the viewer).
 */
@FunctionalInterface
public interface LatentSource {

  /** The z to use at {@code scale} given the per-pixel mean and log sigma there. */
  NDArray choose(int scale, NDArray mean, NDArray logSigma);
}
