package org.ambiseg.train;

/** How a training run ended. */
public enum TrainingOutcome {
  /** All steps done. */
  FINISHED,
  /** Stopped by the user after a checkpoint. */
  STOPPED,
  /** Stopped because the loss was not finite; the last good checkpoint was kept. */
  DIVERGED
}
