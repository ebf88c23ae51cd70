package org.ambiseg.io.synth;

/**
 * The drawn and measured facts about one synthetic case, stored in truth.json under "parameters";
 * the interpretation probabilities are a function of the contrasts.
 *
 * @param coreContrast lesion core brightness above the lung background, as drawn (0..1 scale)
 * @param lobeContrast faint lobe brightness above the background as drawn (0 when no lobe)
 * @param coreContrastMeasured median inside the core minus median of a ring around the lesion, in
 *     the final noisy image
 * @param lobeContrastMeasured median inside the lobe (away from the core) minus the ring median (0
 *     when no lobe)
 * @param lesionRadius mean core radius in pixels
 * @param lobeRadius mean lobe radius in pixels (0 when no lobe)
 * @param hasLobe whether a lobe is attached to the core
 * @param noiseSigma standard deviation of the image noise
 * @param chestWall whether a chest wall or mediastinum edge is in view
 */
public record LesionParameters(
    double coreContrast,
    double lobeContrast,
    double coreContrastMeasured,
    double lobeContrastMeasured,
    double lesionRadius,
    double lobeRadius,
    boolean hasLobe,
    double noiseSigma,
    boolean chestWall) {

  /** The same parameters rounded to 4 decimals, for a readable truth.json. */
  public LesionParameters rounded() {
    return new LesionParameters(
        round(coreContrast),
        round(lobeContrast),
        round(coreContrastMeasured),
        round(lobeContrastMeasured),
        round(lesionRadius),
        round(lobeRadius),
        hasLobe,
        round(noiseSigma),
        chestWall);
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
