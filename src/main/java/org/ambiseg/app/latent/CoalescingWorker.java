package org.ambiseg.app.latent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the newest of a stream of requests on an executor, one at a time: a single pending slot
 * holds the latest request, a newer one replaces it (the older one is dropped, never queued), and
 * the executor picks up whatever is in the slot when it gets to it. Each request is handled as its
 * own executor task, so other work on a shared thread can run between two requests.
 *
 * @param <T> the request type
 */
public final class CoalescingWorker<T> {

  private final Executor executor;
  private final Consumer<T> handler;
  private final AtomicReference<T> slot = new AtomicReference<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong handled = new AtomicLong();

  /** A worker that hands requests to {@code handler} on {@code executor}. */
  public CoalescingWorker(Executor executor, Consumer<T> handler) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /**
   * Puts {@code request} in the pending slot (replacing an unhandled older one) and makes sure the
   * executor will pick it up. Returns false if the executor refuses work (shut down).
   */
  public boolean submit(T request) {
    Objects.requireNonNull(request, "request");
    submitted.incrementAndGet();
    slot.set(request);
    return schedule();
  }

  private boolean schedule() {
    if (!scheduled.compareAndSet(false, true)) {
      return true;
    }
    try {
      executor.execute(this::runOne);
      return true;
    } catch (RejectedExecutionException e) {
      scheduled.set(false);
      slot.set(null);
      return false;
    }
  }

  private void runOne() {
    try {
      T request = slot.getAndSet(null);
      if (request != null) {
        handled.incrementAndGet();
        handler.accept(request);
      }
    } finally {
      scheduled.set(false);
      if (slot.get() != null) {
        schedule();
      }
    }
  }

  /** Requests submitted so far. */
  public long submitted() {
    return submitted.get();
  }

  /** Requests handed to the handler so far (the rest were replaced by newer ones). */
  public long handled() {
    return handled.get();
  }
}
