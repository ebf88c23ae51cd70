package org.ambiseg.estimate;

/**
 * The per-pixel maps of {@link UncertaintyMaps}, each with a display label and its largest possible
 * value (for fixed colour scales that are comparable across images).
 */
public enum MapKind {
  /** Mean foreground probability m = (1/N) &Sigma;<sub>s</sub> p<sub>s</sub>, in [0, 1]. */
  MEAN("Mean probability", 1.0),
  /** Population variance (1/N) &Sigma;<sub>s</sub> (p<sub>s</sub> &minus; m)&sup2;, in [0, 1/4]. */
  VARIANCE("Variance", 0.25),
  /** Predictive entropy H[E p] = H(m), in [0, ln 2] nats. */
  PREDICTIVE_ENTROPY("Predictive entropy", BinaryEntropy.MAX),
  /** Expected entropy E[H p] = (1/N) &Sigma;<sub>s</sub> H(p<sub>s</sub>), in [0, ln 2] nats. */
  EXPECTED_ENTROPY("Expected entropy", BinaryEntropy.MAX),
  /** Mutual information H[E p] &minus; E[H p], in [0, ln 2] nats. */
  MUTUAL_INFORMATION("Mutual information", BinaryEntropy.MAX),
  /** Fraction of samples whose hard mask (p &ge; 0.5) is foreground, in [0, 1]. */
  AGREEMENT("Foreground agreement", 1.0);

  private final String label;
  private final double upperBound;

  MapKind(String label, double upperBound) {
    this.label = label;
    this.upperBound = upperBound;
  }

  /** Name for legends and menus. */
  public String label() {
    return label;
  }

  /** Largest value the map can take (its smallest is always 0). */
  public double upperBound() {
    return upperBound;
  }
}
