package org.ambiseg.app.latent;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The user's choice for one HPU-Net latent scale: a temperature in [0, 2] (z = mu + t sigma eps)
 * or, when fixed to the mean, z = mu.
 */
public final class ScaleControl {

  /** Highest temperature offered. */
  public static final double MAX_TEMPERATURE = 2.0;

  private final int scale;
  private final DoubleProperty temperature = new SimpleDoubleProperty(this, "temperature", 1.0);
  private final BooleanProperty fixedToMean = new SimpleBooleanProperty(this, "fixedToMean");

  ScaleControl(int scale) {
    this.scale = scale;
  }

  /** Index of the scale, 0 = coarsest. */
  public int scale() {
    return scale;
  }

  /** Temperature of this scale's prior sample, in [0, 2]. */
  public DoubleProperty temperatureProperty() {
    return temperature;
  }

  /** True when this scale's latent is the prior mean. */
  public BooleanProperty fixedToMeanProperty() {
    return fixedToMean;
  }
}
