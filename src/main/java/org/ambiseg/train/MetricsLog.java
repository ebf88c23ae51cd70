package org.ambiseg.train;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Appends one JSON object per line to {@code metrics.jsonl} in the run folder: a "step" record for
 * every step (loss, terms, learning rate, steps/s) and a "validation" record for every validation.
 * Appending keeps the history of resumed runs in the same file; readers skip a torn last line.
 */
public final class MetricsLog implements TrainingListener, AutoCloseable {

  /** File name of the log in a run folder. */
  public static final String FILE = "metrics.jsonl";

  private static final Gson GSON = new Gson();
  private final BufferedWriter out;
  private long lastFlush = System.nanoTime();

  /** Opens (appending) the log in {@code runDir}. */
  public MetricsLog(Path runDir) throws IOException {
    Files.createDirectories(runDir);
    out =
        Files.newBufferedWriter(
            runDir.resolve(FILE),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
  }

  @Override
  public void onStep(long step, StepResult result, float learningRate, double stepsPerSecond) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "step");
    o.addProperty("step", step);
    o.addProperty("loss", result.loss());
    result.terms().forEach(o::addProperty);
    o.addProperty("grad_norm", result.gradientNorm());
    o.addProperty("lr", learningRate);
    o.addProperty("steps_per_s", stepsPerSecond);
    write(o, false);
  }

  @Override
  public void onValidation(long step, Map<String, Double> metrics) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "validation");
    o.addProperty("step", step);
    metrics.forEach(o::addProperty);
    write(o, true);
  }

  @Override
  public void onCheckpoint(long step, Path file) {
    flush();
  }

  @Override
  public void onEnd(long step, TrainingOutcome outcome, String error) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "end");
    o.addProperty("step", step);
    o.addProperty("outcome", outcome.name());
    if (error != null) {
      o.addProperty("error", error);
    }
    write(o, true);
  }

  private void write(JsonObject o, boolean flushNow) {
    try {
      out.write(GSON.toJson(o));
      out.write('\n');
      if (flushNow || System.nanoTime() - lastFlush > 5_000_000_000L) {
        flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE, e);
    }
  }

  private void flush() {
    try {
      out.flush();
      lastFlush = System.nanoTime();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + FILE, e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
