package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.io.Dataset;

/**
 * Runs one task per dataset case on a bounded pool of workers, each with its own state (an
 * estimator: estimators are not thread-safe, so no two workers share one). Cases are decoded on the
 * calling thread (dataset readers are not thread-safe either) and handed over through a queue of
 * twice the worker count, so memory stays bounded however large the dataset. Every result goes to
 * the sink as soon as it is computed; progress and throughput (cases/s) are printed to {@code
 * progress} at most every {@code progressSeconds}.
 *
 * @param <W> a worker's private state
 */
final class BatchRunner<W extends AutoCloseable> {

  /** Opens one worker's state (e.g. an estimator); called once per worker thread. */
  interface WorkerFactory<W> {
    W open() throws Exception;
  }

  /** The work for one case, with the worker's private state. */
  interface CaseTask<W> {
    JsonObject run(W worker, int index, Case c) throws Exception;
  }

  /** Where results go, in completion order (not index order). */
  interface Sink {
    void accept(JsonObject row) throws Exception;
  }

  /** What a run did: cases computed, cases that could not be read, and the seconds taken. */
  record Stats(int computed, int unreadable, double seconds) {

    /** Cases computed per second of wall time. */
    double casesPerSecond() {
      return computed / Math.max(seconds, 1e-9);
    }
  }

  private record Item(int index, Case c) {}

  private static final Item END = new Item(-1, null);

  private final int workers;
  private final WorkerFactory<W> factory;
  private final CaseTask<W> task;
  private final PrintStream progress;
  private final double progressSeconds;

  BatchRunner(
      int workers,
      WorkerFactory<W> factory,
      CaseTask<W> task,
      PrintStream progress,
      double progressSeconds) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.workers = workers;
    this.factory = factory;
    this.task = task;
    this.progress = progress;
    this.progressSeconds = progressSeconds;
  }

  /**
   * With several workers, gives each about its share of the cores for libtorch's intra-op threads
   * (unless {@code ai.djl.pytorch.num_threads} is set), so that workers do not oversubscribe the
   * CPU. Call before the engine starts.
   */
  static void limitEngineThreads(int workers) {
    if (workers > 1 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
      int cores = Runtime.getRuntime().availableProcessors();
      System.setProperty(
          "ai.djl.pytorch.num_threads", String.valueOf(Math.max(1, cores / workers)));
    }
  }

  /**
   * Runs the task on the cases {@code todo} (dataset indices) of {@code dataset}. A case that
   * cannot be decoded is passed to the sink as {@code {"index", "id", "unreadable": problem}}. The
   * first failure of a task stops the run and is rethrown ({@link BadInputException} as is).
   */
  Stats run(Dataset dataset, List<Integer> todo, Sink sink) throws Exception {
    long start = System.nanoTime();
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(2 * workers);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "ambiseg-batch");
              t.setDaemon(true);
              return t;
            });
    Progress counter = new Progress(todo.size(), start);
    List<Future<Void>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      futures.add(pool.submit(() -> work(queue, sink, counter)));
    }
    int unreadable = 0;
    try {
      for (int index : todo) {
        Case c;
        try {
          c = dataset.load(index);
        } catch (BadInputException e) {
          JsonObject row = new JsonObject();
          row.addProperty("index", index);
          row.addProperty("id", dataset.caseId(index));
          row.addProperty("unreadable", e.getMessage());
          sink.accept(row);
          unreadable++;
          continue;
        }
        while (!queue.offer(new Item(index, c), 200, TimeUnit.MILLISECONDS)) {
          failFast(futures);
        }
      }
      for (int w = 0; w < workers; w++) {
        while (!queue.offer(END, 200, TimeUnit.MILLISECONDS)) {
          failFast(futures);
        }
      }
      for (Future<Void> f : futures) {
        unwrap(f);
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    return new Stats(counter.done(), unreadable, (System.nanoTime() - start) / 1e9);
  }

  private Void work(BlockingQueue<Item> queue, Sink sink, Progress counter) throws Exception {
    try (W worker = factory.open()) {
      while (true) {
        Item item = queue.take();
        if (item == END) {
          return null;
        }
        sink.accept(task.run(worker, item.index(), item.c()));
        counter.caseDone();
      }
    }
  }

  private static void failFast(List<Future<Void>> futures) throws Exception {
    for (Future<Void> f : futures) {
      if (f.isDone()) {
        unwrap(f); // a worker ended early: only by failing
      }
    }
  }

  private static void unwrap(Future<Void> f) throws Exception {
    try {
      f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Counts finished cases and prints progress with the throughput so far. */
  private final class Progress {
    private final int total;
    private final long start;
    private int done;
    private long lastPrint;

    Progress(int total, long start) {
      this.total = total;
      this.start = start;
      this.lastPrint = start;
    }

    synchronized void caseDone() {
      done++;
      long now = System.nanoTime();
      if ((now - lastPrint) / 1e9 >= progressSeconds || done == total) {
        lastPrint = now;
        double seconds = (now - start) / 1e9;
        progress.printf(
            Locale.ROOT,
            "%d/%d cases, %.2f cases/s, %.0f s%n",
            done,
            total,
            done / Math.max(seconds, 1e-9),
            seconds);
        progress.flush();
      }
    }

    synchronized int done() {
      return done;
    }
  }
}
