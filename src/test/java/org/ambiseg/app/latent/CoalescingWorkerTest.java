package org.ambiseg.app.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The single pending slot: newer requests replace unhandled ones, the last is always handled. */
class CoalescingWorkerTest {

  /** An executor that runs tasks only when the test says so. */
  private static final class ManualExecutor implements Executor {
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }

  @Test
  void requestsWhileBusyCollapseIntoTheLatest() {
    ManualExecutor executor = new ManualExecutor();
    List<Integer> handled = new ArrayList<>();
    CoalescingWorker<Integer> worker = new CoalescingWorker<>(executor, handled::add);
    for (int i = 1; i <= 100; i++) {
      worker.submit(i);
    }
    assertEquals(1, executor.tasks.size(), "one task scheduled, not a queue of 100");
    executor.runAll();
    assertEquals(List.of(100), handled);
    assertEquals(100, worker.submitted());
    assertEquals(1, worker.handled());
  }

  @Test
  void requestArrivingDuringHandlingIsPickedUpNext() {
    ManualExecutor executor = new ManualExecutor();
    List<Integer> handled = new ArrayList<>();
    AtomicReference<CoalescingWorker<Integer>> self = new AtomicReference<>();
    self.set(
        new CoalescingWorker<>(
            executor,
            r -> {
              handled.add(r);
              if (r == 1) {
                for (int i = 2; i <= 10; i++) {
                  self.get().submit(i); // the user keeps dragging while request 1 decodes
                }
              }
            }));
    self.get().submit(1);
    executor.runAll();
    assertEquals(List.of(1, 10), handled);
  }

  @Test
  void refusedByAShutDownExecutor() {
    CoalescingWorker<Integer> worker =
        new CoalescingWorker<>(
            r -> {
              throw new RejectedExecutionException("shut down");
            },
            r -> {});
    assertFalse(worker.submit(1));
    assertEquals(0, worker.handled());
  }
}
