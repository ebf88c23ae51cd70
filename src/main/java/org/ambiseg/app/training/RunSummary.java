package org.ambiseg.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One run of the history list, read from its folder: the configuration from config.json and the
 * last step, outcome and last validation metrics from metrics.jsonl.
 *
 * @param dir the run folder
 * @param modelType model type from config.json
 * @param preset architecture preset
 * @param totalSteps the configured number of steps
 * @param lastStep the last step logged
 * @param outcome FINISHED, STOPPED or DIVERGED from the last "end" record; empty when the run never
 *     ended cleanly (it is running or crashed)
 * @param ged the last validation GED
 * @param hmIou the last validation HM-IoU
 */
record RunSummary(
    Path dir,
    String modelType,
    String preset,
    int totalSteps,
    long lastStep,
    Optional<String> outcome,
    OptionalDouble ged,
    OptionalDouble hmIou) {

  /** True when the run has a checkpoint to resume from. */
  boolean hasCheckpoint() {
    return Files.isRegularFile(dir.resolve("checkpoints").resolve("last.ckpt"));
  }

  /** The best-by-selection model folder, if written. */
  Optional<Path> bestModel() {
    return modelDir("best");
  }

  /** The final model folder, if the run finished. */
  Optional<Path> finalModel() {
    return modelDir("final");
  }

  /** True when the run can be continued: it has a checkpoint and did not finish all its steps. */
  boolean resumable() {
    return hasCheckpoint() && !"FINISHED".equals(outcome.orElse(""));
  }

  private Optional<Path> modelDir(String name) {
    Path d = dir.resolve(name);
    return Files.isRegularFile(d.resolve("model.json")) ? Optional.of(d) : Optional.empty();
  }

  /** One line for the history list. */
  String label() {
    StringBuilder sb = new StringBuilder();
    sb.append(dir.getFileName())
        .append(" \u2014 ")
        .append(preset)
        .append(", step ")
        .append(lastStep)
        .append('/')
        .append(totalSteps)
        .append(", ")
        .append(outcome.map(o -> o.toLowerCase(Locale.ROOT)).orElse("running or crashed"));
    ged.ifPresent(g -> sb.append(String.format(Locale.ROOT, ", GED %.3f", g)));
    hmIou.ifPresent(h -> sb.append(String.format(Locale.ROOT, ", HM-IoU %.3f", h)));
    return sb.toString();
  }
}
