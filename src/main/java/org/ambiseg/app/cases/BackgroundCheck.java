package org.ambiseg.app.cases;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.ambiseg.io.Dataset;

/**
 * Checks every case of one dataset ({@link DatasetScan#check}) in chunks of {@link #CHUNK} cases,
 * each chunk a separate task on the executor, so that a case the user selects meanwhile is loaded
 * between two chunks instead of after the whole dataset. Each chunk's result is handed to the FX
 * thread (one {@code runLater} per chunk) unless the check was cancelled.
 */
final class BackgroundCheck {

  /** Cases per task: about 80 ms for 128x128 LIDC slices on one core. */
  static final int CHUNK = 64;

  /**
   * One checked chunk.
   *
   * @param result the chunk's cases and failures
   * @param done cases checked so far, this chunk included
   * @param total cases in the dataset
   */
  record Chunk(DatasetScan.Result result, int done, int total) {

    /** True for the last chunk. */
    boolean last() {
      return done >= total;
    }
  }

  private final Dataset dataset;
  private final Executor io;
  private final Consumer<Chunk> onChunk;
  private volatile boolean cancelled;

  /** A check of {@code dataset} on {@code io}; {@code onChunk} runs on the FX thread. */
  BackgroundCheck(Dataset dataset, Executor io, Consumer<Chunk> onChunk) {
    this.dataset = Objects.requireNonNull(dataset, "dataset");
    this.io = Objects.requireNonNull(io, "io");
    this.onChunk = Objects.requireNonNull(onChunk, "onChunk");
  }

  /** Queues the first chunk. */
  void start() {
    submit(0);
  }

  /** Stops after the chunk running now; no further result is handed on. */
  void cancel() {
    cancelled = true;
  }

  private void submit(int from) {
    try {
      io.execute(() -> run(from));
    } catch (RejectedExecutionException e) {
      cancelled = true; // the app is shutting down
    }
  }

  private void run(int from) {
    if (cancelled) {
      return;
    }
    int total = dataset.size();
    int to = Math.min(from + CHUNK, total);
    Chunk chunk = new Chunk(DatasetScan.check(dataset, from, to), to, total);
    Platform.runLater(
        () -> {
          if (!cancelled) {
            onChunk.accept(chunk);
          }
        });
    if (to < total) {
      submit(to);
    }
  }
}
