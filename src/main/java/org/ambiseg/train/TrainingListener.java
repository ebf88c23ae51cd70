package org.ambiseg.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * Receives the events of a training run: logging, checkpoints, progress bars and the app's
 * dashboard are all listeners of the one training loop. Methods are called on the training thread
 * and must return quickly.
 */
public interface TrainingListener {

  /** The run starts (or resumes) at {@code firstStep} of {@code totalSteps}. */
  default void onStart(long firstStep, long totalSteps) {}

  /** A step finished. */
  default void onStep(long step, StepResult result, float learningRate, double stepsPerSecond) {}

  /** A validation on the selection set finished. */
  default void onValidation(long step, Map<String, Double> metrics) {}

  /** A checkpoint was written. */
  default void onCheckpoint(long step, Path file) {}

  /** The run ended: finished, stopped by the user, or failed ({@code error} not null). */
  default void onEnd(long step, TrainingOutcome outcome, String error) {}
}
