package org.ambiseg.model;

/**
 * The input normalisation a model was trained with: x' = (x - mean) / std on [0, 1] images.
 * Recorded in model.json so sampling feeds the model what it saw in training.
 */
public record Normalization(float mean, float std) {

  /** Leaves the values as they are. */
  public static final Normalization IDENTITY = new Normalization(0f, 1f);

  /** Validates that std is positive. */
  public Normalization {
    if (!(std > 0) || !Float.isFinite(mean)) {
      throw new IllegalArgumentException("normalisation needs a finite mean and std > 0");
    }
  }

  /** Normalises {@code values} in place. */
  public void applyInPlace(float[] values) {
    for (int i = 0; i < values.length; i++) {
      values[i] = (values[i] - mean) / std;
    }
  }
}
