package org.ambiseg.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the app's background threads: every executor is created here with named daemon
 * threads and shut down together when the app stops.
 */
public final class AppExecutors implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AppExecutors.class);

  private final ExecutorService io;
  private final ExecutorService model;

  /** Creates the executors; call {@link #close()} when the app stops. */
  public AppExecutors() {
    this.io = Executors.newSingleThreadExecutor(namedDaemonThreads("ambiseg-io"));
    this.model = Executors.newSingleThreadExecutor(namedDaemonThreads("ambiseg-model"));
  }

  /** The executor for reading and decoding files (one thread: disk work is sequential anyway). */
  public ExecutorService io() {
    return io;
  }

  /**
   * The one thread that runs model work (loading, encoding, sampling, slider decodes). Estimators
   * are not thread-safe, so every use of a model goes through this executor; callers coalesce their
   * own requests (latest wins) instead of queueing many.
   */
  public ExecutorService model() {
    return model;
  }

  /** True once {@link #close()} has run. */
  public boolean isShutdown() {
    return io.isShutdown();
  }

  /** Cancels running work and waits briefly for the threads to end. */
  @Override
  public void close() {
    io.shutdownNow();
    model.shutdownNow();
    try {
      if (!io.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.warn("background reader did not stop within 2 s");
      }
      if (!model.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.warn("model thread did not stop within 2 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory namedDaemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t = new Thread(task, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
