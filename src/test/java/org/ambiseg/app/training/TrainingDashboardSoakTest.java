package org.ambiseg.app.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ambiseg.app.diagnostics.FxWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A long dashboard run (2000 steps of probunet-tiny on 32x32 images by default; {@code
 * -Dambiseg.soakSteps=N} for another length) with the window showing its charts: prints the longest
 * FX-thread gap ({@link FxWatchdog}, 10 ms probes) and the heap after GC before and after, and
 * checks the chart series stayed bounded.
 */
@Tag("long")
class TrainingDashboardSoakTest {

  @TempDir Path tmp;

  private final FxRobot robot = new FxRobot();
  private ExecutorService io;

  @BeforeAll
  static void toolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws TimeoutException {
    FxToolkit.cleanupStages();
    io.shutdownNow();
  }

  @Test
  void longRunKeepsTheFxThreadFreeAndTheHeapFlat() throws Exception {
    int steps = Integer.getInteger("ambiseg.soakSteps", 2000);
    Path data = TrainingDashboardTest.tinyDataset(tmp.resolve("data"), 24);
    io = Executors.newSingleThreadExecutor();
    TrainingViewModel[] model = new TrainingViewModel[1];
    robot.interact(
        () -> {
          model[0] = new TrainingViewModel(io, (h, m) -> {}, null, tmp.resolve("runs"));
          new TrainingWindow(model[0]).show();
        });
    TrainingViewModel vm = model[0];
    robot.interact(
        () -> {
          vm.dataPathProperty().set(data.toString());
          vm.presetProperty().set("probunet-tiny");
          vm.stepsProperty().set(Integer.toString(steps));
          vm.batchProperty().set("2");
          vm.start();
        });
    WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> !vm.chart(ChartGroups.LOSS).isEmpty());
    long heapBefore = heapAfterGc();
    long start = System.nanoTime();
    try (FxWatchdog watchdog = FxWatchdog.start(10)) {
      WaitForAsyncUtils.waitFor(
          4, TimeUnit.HOURS, () -> vm.stateProperty().get() == TrainingViewModel.State.IDLE);
      double seconds = (System.nanoTime() - start) / 1e9;
      long heapAfter = heapAfterGc();
      int maxPoints =
          ChartGroups.ALL.stream()
              .flatMap(c -> vm.chart(c).stream())
              .mapToInt(s -> s.getData().size())
              .max()
              .orElse(0);
      System.out.printf(
          Locale.ROOT,
          "dashboard soak: %d steps in %.0f s; longest FX-thread gap %.1f ms over %d probes;"
              + " heap after GC %.1f MB before, %.1f MB after; at most %d points per series;"
              + " status: %s%n",
          steps,
          seconds,
          watchdog.longestGapMillis(),
          watchdog.ticks(),
          heapBefore / 1e6,
          heapAfter / 1e6,
          maxPoints,
          vm.statusProperty().get());
      assertTrue(vm.statusProperty().get().startsWith("finished"), vm.statusProperty().get());
      assertTrue(maxPoints <= TrainingSession.SERIES_CAPACITY, "points " + maxPoints);
      assertTrue(watchdog.longestGapMillis() < 1000, "gap " + watchdog.longestGapMillis());
      assertTrue(heapAfter - heapBefore < 100_000_000L, "heap grew " + (heapAfter - heapBefore));
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
