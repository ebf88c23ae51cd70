package org.ambiseg.train;

import java.util.ArrayList;
import java.util.List;

/** A training listener for tests that keeps every step's result in order. */
final class StepRecorder implements TrainingListener {

  private final List<StepResult> results = new ArrayList<>();

  @Override
  public void onStep(long step, StepResult r, float lr, double rate) {
    results.add(r);
  }

  /** The results so far (a live view: it grows as training runs). */
  List<StepResult> results() {
    return results;
  }
}
