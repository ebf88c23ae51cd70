package org.ambiseg.app.latent;

import org.ambiseg.estimate.Capabilities;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.HpuNetEstimator;
import org.ambiseg.estimate.ProbUNetEstimator;

/** Which latent controls an estimator offers: none, one z vector, or separate latent scales. */
public enum LatentKind {
  /** No steerable latent space (MC dropout, TTA, a plain network, or no model): panel hidden. */
  NONE,
  /** A Prob U-Net's global latent vector z: one slider per dimension and the 2-D pad. */
  VECTOR,
  /** An HPU-Net's latent scales: per scale a temperature and a fix-to-mean toggle. */
  SCALES;

  /** The controls for {@code estimator} (null gives NONE), decided by its capabilities. */
  public static LatentKind of(Estimator estimator) {
    if (estimator == null) {
      return NONE;
    }
    Capabilities caps = estimator.capabilities();
    if (caps.hasLatentScales() && estimator instanceof HpuNetEstimator) {
      return SCALES;
    }
    if (caps.hasLatentSpace() && estimator instanceof ProbUNetEstimator) {
      return VECTOR;
    }
    return NONE;
  }
}
