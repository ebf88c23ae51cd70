package org.ambiseg.estimate;

/**
 * What an estimator offers beyond plain sampling, so the app can show or hide controls.
 *
 * @param latentDimensions size of a steerable latent vector (0 when there is none)
 * @param latentScales number of latent scales that can be controlled separately (HPU-Net; 0 if
 *     none)
 * @param deterministic true when every sample is the same (a plain network)
 * @param spreadMeaning what the spread of the samples expresses, in words for the user
 */
public record Capabilities(
    int latentDimensions, int latentScales, boolean deterministic, String spreadMeaning) {

  /** True when the estimator has a latent space the user can steer. */
  public boolean hasLatentSpace() {
    return latentDimensions > 0;
  }

  /** True when the latent space has separately controllable scales. */
  public boolean hasLatentScales() {
    return latentScales > 0;
  }
}
