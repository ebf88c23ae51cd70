package org.ambiseg.train;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one training loop of AmbiSeg, shared by every model family, the CLI and the app: draws the
 * step's batch, runs the model's step, and tells its listeners; validates and checkpoints at the
 * configured intervals; honours pause and stop; stops on a non-finite loss keeping the last good
 * checkpoint. Resuming restores parameters, optimizer moments and the step counter; the batches
 * depend only on (seed, step), so a resumed run continues exactly as an uninterrupted one.
 */
public final class Trainer {

  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final TrainableModel model;
  private final BatchSampler sampler;
  private final TrainingConfig config;
  private final JsonObject configJson;
  private final Checkpointer checkpointer;
  private final Validator validator;
  private final List<TrainingListener> listeners;
  private final TrainingControl control;
  private double elapsedSeconds;

  /**
   * A trainer of {@code model} on batches from {@code sampler}, checkpointing into {@code runDir};
   * {@code validator} may be null.
   */
  public Trainer(
      TrainableModel model,
      BatchSampler sampler,
      TrainingConfig config,
      JsonObject configJson,
      Path runDir,
      Validator validator,
      List<TrainingListener> listeners,
      TrainingControl control) {
    this.model = model;
    this.sampler = sampler;
    this.config = config;
    this.configJson = configJson;
    this.checkpointer = new Checkpointer(runDir);
    this.validator = validator;
    this.listeners = List.copyOf(listeners);
    this.control = control;
  }

  /**
   * Wall time of the run up to its latest checkpoint, in seconds, across every resume (validations
   * included); the final checkpoint is written after the last validation.
   */
  public double elapsedSeconds() {
    return elapsedSeconds;
  }

  /** The run's checkpoint writer/reader. */
  public Checkpointer checkpointer() {
    return checkpointer;
  }

  /**
   * Runs from the start, or from the last checkpoint when {@code resume} is set and one exists.
   *
   * @throws BadInputException when the checkpoint to resume from cannot be used
   * @throws IOException when a checkpoint cannot be written (the previous one stays intact)
   */
  public TrainingOutcome run(boolean resume) throws IOException, BadInputException {
    long step = 0;
    double best = Double.POSITIVE_INFINITY;
    double elapsedBefore = 0;
    if (resume && checkpointer.exists()) {
      Checkpointer.TrainerState state = checkpointer.restore(model);
      step = state.step();
      best = state.bestSelectionGed();
      elapsedBefore = state.elapsedSeconds();
      LOG.info("resumed from {} at step {}", checkpointer.file(), step);
    }
    long start = System.nanoTime();
    elapsedSeconds = elapsedBefore;
    listeners.forEach(l -> l.onStart(0, config.steps()));
    long rateStartStep = step;
    long rateStartNanos = start;
    double rate = 0;
    while (step < config.steps()) {
      try {
        control.awaitNotPaused();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        control.stop();
      }
      if (control.isStopRequested()) {
        save(step, best, elapsedBefore, start);
        notifyEnd(step, TrainingOutcome.STOPPED, null);
        return TrainingOutcome.STOPPED;
      }
      float lr = config.learningRateAt(step);
      model.beginStep(step);
      StepResult result = model.step(sampler.batch(step), lr);
      if (!result.isFinite()) {
        String message =
            result.problem()
                + " at step "
                + (step + 1)
                + " (terms "
                + result.terms()
                + "); training stopped, the last good checkpoint "
                + (checkpointer.exists() ? checkpointer.file() : "(none yet)")
                + " is kept";
        LOG.error(message);
        notifyEnd(step, TrainingOutcome.DIVERGED, message);
        return TrainingOutcome.DIVERGED;
      }
      step++;
      long now = System.nanoTime();
      if (now - rateStartNanos > 2_000_000_000L || rate == 0) {
        rate = (step - rateStartStep) / Math.max(1e-9, (now - rateStartNanos) / 1e9);
        if (now - rateStartNanos > 10_000_000_000L) {
          rateStartStep = step;
          rateStartNanos = now;
        }
      }
      for (TrainingListener l : listeners) {
        l.onStep(step, result, lr, rate);
      }
      if (validator != null
          && config.validateEvery() > 0
          && (step % config.validateEvery() == 0 || step == config.steps())) {
        Map<String, Double> metrics =
            new java.util.LinkedHashMap<>(validator.validate(model, step));
        metrics.put("elapsed_s", elapsed(elapsedBefore, start));
        long s = step;
        listeners.forEach(l -> l.onValidation(s, metrics));
        Double ged = metrics.get("ged");
        if (ged != null && ged < best && step >= model.firstSelectableStep()) {
          best = ged;
        }
      }
      if ((config.checkpointEvery() > 0 && step % config.checkpointEvery() == 0)
          || step == config.steps()) {
        save(step, best, elapsedBefore, start);
      }
    }
    notifyEnd(step, TrainingOutcome.FINISHED, null);
    return TrainingOutcome.FINISHED;
  }

  private void save(long step, double best, double elapsedBefore, long start) throws IOException {
    elapsedSeconds = elapsed(elapsedBefore, start);
    checkpointer.save(model, new Checkpointer.TrainerState(step, best, elapsedSeconds), configJson);
    listeners.forEach(l -> l.onCheckpoint(step, checkpointer.file()));
  }

  /** Wall time of the whole run: earlier sessions' plus this one's since {@code start}. */
  private static double elapsed(double elapsedBefore, long start) {
    return elapsedBefore + (System.nanoTime() - start) / 1e9;
  }

  private void notifyEnd(long step, TrainingOutcome outcome, String error) {
    listeners.forEach(l -> l.onEnd(step, outcome, error));
  }
}
