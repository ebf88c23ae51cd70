package org.ambiseg.app.training;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.ambiseg.train.TrainingControl;
import org.ambiseg.train.TrainingListener;
import org.ambiseg.train.TrainingOutcome;
import org.ambiseg.train.TrainingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link TrainingRun} on its own background thread (never the viewer's model thread) with
 * the dashboard's listeners, and answers pause, resume and stop. Everything the dashboard reads
 * from it (progress, series, sample strip, the last log line, the result) is safe to read from any
 * thread while the run goes on.
 */
final class TrainingSession {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingSession.class);

  /** Points per chart series. */
  static final int SERIES_CAPACITY = 600;

  /** Samples in the sample strip. */
  static final int STRIP_SAMPLES = 4;

  /** How the run ended: its outcome, or the problem that ended it (outcome null). */
  record Result(TrainingOutcome outcome, String problem) {}

  private final TrainingRun run;
  private final TrainingControl control = new TrainingControl();
  private final LiveMetrics metrics = new LiveMetrics(SERIES_CAPACITY);
  private final AtomicReference<SamplePreview> preview = new AtomicReference<>();
  private final AtomicReference<String> lastLine = new AtomicReference<>("starting");
  private final AtomicReference<Result> result = new AtomicReference<>();
  private final long startNanos = System.nanoTime();
  private Thread thread;

  /** A session of {@code run}; call {@link #start}. */
  TrainingSession(TrainingRun run) {
    this.run = run;
  }

  /** Starts training on a new daemon thread named "ambiseg-training". */
  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::train, "ambiseg-training");
    thread.setDaemon(true);
    thread.start();
  }

  private void train() {
    PrintStream log = new PrintStream(new LineSink(), true, StandardCharsets.UTF_8);
    try {
      TrainingOutcome outcome =
          run.run(
              log,
              control,
              session -> {
                List<TrainingListener> listeners = new ArrayList<>();
                listeners.add(metrics);
                if (!session.selection().isEmpty()) {
                  SamplePreview p =
                      new SamplePreview(
                          session.model(),
                          session.selection().get(0),
                          STRIP_SAMPLES,
                          session.config().seed());
                  preview.set(p);
                  listeners.add(p);
                }
                return listeners;
              });
      result.set(new Result(outcome, null));
    } catch (Exception | OutOfMemoryError e) {
      LOG.warn("training in {} failed", run.out(), e);
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      result.set(new Result(null, message));
    }
  }

  /** The run being trained. */
  TrainingRun run() {
    return run;
  }

  /** Events of the run for the charts and progress. */
  LiveMetrics metrics() {
    return metrics;
  }

  /** The latest sample strip, or null before the first validation. */
  SamplePreview.Strip strip() {
    SamplePreview p = preview.get();
    return p == null ? null : p.latest();
  }

  /** The last line the run reported (loading, start, final model). */
  String lastLine() {
    return lastLine.get();
  }

  /** Seconds since this session started. */
  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** How the run ended, or null while it runs. */
  Result result() {
    return result.get();
  }

  /** Asks the loop to pause after the current step. */
  void pause() {
    control.pause();
  }

  /** Lets a paused loop continue. */
  void resume() {
    control.resume();
  }

  /** True while paused. */
  boolean isPaused() {
    return control.isPaused();
  }

  /** Asks the loop to write a checkpoint and stop. */
  void stop() {
    control.stop();
  }

  /** Waits up to {@code millis} for the training thread to end; true when it has. */
  boolean await(long millis) throws InterruptedException {
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t == null) {
      return true;
    }
    t.join(millis);
    return !t.isAlive();
  }

  /** Keeps the last complete line written to the run's log, and logs each line. */
  private final class LineSink extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public void write(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8).strip();
        line.reset();
        if (!text.isEmpty()) {
          lastLine.set(text);
          LOG.info("{}", text);
        }
      } else {
        line.write(b);
      }
    }
  }
}
