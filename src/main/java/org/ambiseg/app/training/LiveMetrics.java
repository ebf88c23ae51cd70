package org.ambiseg.app.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ambiseg.train.StepResult;
import org.ambiseg.train.TrainingListener;
import org.ambiseg.train.TrainingOutcome;

/**
 * Collects a run's events on the training thread for the dashboard to read at its own pace: every
 * charted value goes into a bounded {@link DecimatedSeries}, and the latest progress is kept as one
 * snapshot. Listener calls only take a short lock, so the training loop is never held up by the UI
 * and the UI never sees more points than the series' capacity.
 */
final class LiveMetrics implements TrainingListener {

  /** The latest progress of the run. */
  record Progress(
      long step, long totalSteps, double stepsPerSecond, long checkpointStep, long validations) {}

  private final int capacity;
  private final Map<String, DecimatedSeries> series = new LinkedHashMap<>();
  private long step;
  private long total;
  private double rate;
  private long checkpointStep = -1;
  private long validations;

  /** Collects series of at most {@code capacity} points each. */
  LiveMetrics(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public synchronized void onStart(long firstStep, long totalSteps) {
    total = totalSteps;
  }

  @Override
  public synchronized void onStep(
      long step, StepResult result, float learningRate, double stepsPerSecond) {
    this.step = step;
    this.rate = stepsPerSecond;
    add("loss", step, result.loss());
    result.terms().forEach((name, value) -> add(name, step, value));
    add("lr", step, learningRate);
  }

  @Override
  public synchronized void onValidation(long step, Map<String, Double> metrics) {
    validations++;
    metrics.forEach((name, value) -> add(name, step, value));
  }

  @Override
  public synchronized void onCheckpoint(long step, Path file) {
    checkpointStep = step;
  }

  @Override
  public synchronized void onEnd(long step, TrainingOutcome outcome, String error) {
    this.step = step;
  }

  private void add(String name, long step, double value) {
    if (ChartGroups.chartOf(name).isEmpty() || !Double.isFinite(value)) {
      return;
    }
    series.computeIfAbsent(name, n -> new DecimatedSeries(capacity)).add(step, value);
  }

  /** The latest progress. */
  synchronized Progress progress() {
    return new Progress(step, total, rate, checkpointStep, validations);
  }

  /** Names of the series seen so far, in order of first appearance. */
  synchronized List<String> seriesNames() {
    return List.copyOf(series.keySet());
  }

  /** What series {@code name} gained since a reader's last look (null when nothing). */
  synchronized DecimatedSeries.Change changesSince(String name, long seenVersion, int seenSize) {
    DecimatedSeries s = series.get(name);
    return s == null ? null : s.changesSince(seenVersion, seenSize);
  }
}
