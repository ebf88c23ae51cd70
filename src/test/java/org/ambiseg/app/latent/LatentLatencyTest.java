package org.ambiseg.app.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import org.ambiseg.app.AppExecutors;
import org.ambiseg.app.diagnostics.FxWatchdog;
import org.ambiseg.app.diagnostics.LatencyRecorder;
import org.ambiseg.core.Image2D;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.ProbUNetEstimator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The slider latency measurement of issue 6, to rerun on a quiet machine: the shipped Prob U-Net on
 * a shipped 128x128 case, the slider of z1 moved 250 times, latency from the slider's value change
 * to the first pulse after the new overlay is set, and the FX watchdog's longest gap. Two runs:
 * "step" waits for each move to be shown before the next (one latency per move); "drag" moves every
 * 16 ms like a mouse drag at 60 Hz without waiting (changes coalesce; a latency is measured from
 * the oldest change not yet shown). Writes target/latent-latency.txt. Run with {@code mvn -B -Plong
 * test -Dtest=LatentLatencyTest}.
 */
@Tag("long")
class LatentLatencyTest {

  private static final int WARM_UP = 20;
  private static final int MOVES = 250;

  private final FxRobot robot = new FxRobot();

  @Test
  void sliderMoveToRepaintedOverlay() throws Exception {
    FxToolkit.registerPrimaryStage();
    StringBuilder report = new StringBuilder();
    try (AppExecutors executors = new AppExecutors();
        FxWatchdog watchdog = FxWatchdog.start(10)) {
      ProbUNetEstimator estimator = ProbUNetEstimator.open(LatentFixtures.PROBUNET);
      SimpleObjectProperty<Estimator> est = new SimpleObjectProperty<>(estimator);
      Image2D image = LatentFixtures.sample();
      assertEquals(128, image.width());
      SimpleObjectProperty<Image2D> img = new SimpleObjectProperty<>(image);
      LatentViewModel[] holder = new LatentViewModel[1];
      FxToolkit.setupStage(
          stage -> {
            holder[0] = new LatentViewModel(est, img, executors.model(), (h, m) -> {});
            stage.setScene(new Scene(new LatentPanel(holder[0]), 520, 760));
            stage.show();
          });
      LatentViewModel vm = holder[0];
      LatentFixtures.waitIdle(vm);
      Slider slider = robot.lookup("#latent-slider-0").queryAs(Slider.class);

      step(vm, slider, WARM_UP, 0);
      robot.interact(vm::resetLatency);
      watchdog.reset();
      step(vm, slider, MOVES, WARM_UP);
      report.append(line("step", vm.latency(), watchdog, MOVES, MOVES));

      robot.interact(vm::resetLatency);
      watchdog.reset();
      long requests = vm.requests();
      long decodes = vm.decodes();
      for (int i = 0; i < MOVES; i++) {
        double v = position(i);
        WaitForAsyncUtils.asyncFx(() -> slider.setValue(v));
        Thread.sleep(16);
      }
      LatentFixtures.waitIdle(vm);
      WaitForAsyncUtils.waitForFxEvents();
      report.append(
          line("drag", vm.latency(), watchdog, vm.requests() - requests, vm.decodes() - decodes));

      FxToolkit.setupStage(
          stage -> {
            vm.close();
            stage.hide();
          });
      executors.model().submit(estimator::close).get(10, TimeUnit.SECONDS);
    }
    report.append(
        String.format(
            Locale.ROOT,
            "cores=%d load-average=%.1f%n",
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    System.out.print(report);
    Files.writeString(Path.of("target/latent-latency.txt"), report, StandardCharsets.UTF_8);
  }

  /** Moves the slider {@code n} times, each time waiting until the move has been shown. */
  private void step(LatentViewModel vm, Slider slider, int n, int offset) throws Exception {
    for (int i = 0; i < n; i++) {
      double v = position(offset + i);
      int before = WaitForAsyncUtils.asyncFx(() -> vm.latency().count()).get(10, TimeUnit.SECONDS);
      WaitForAsyncUtils.asyncFx(() -> slider.setValue(v)).get(10, TimeUnit.SECONDS);
      LatentFixtures.waitUntil(() -> vm.latency().count() > before);
    }
  }

  /** A back-and-forth sweep over [-3, 3] in which consecutive positions always differ. */
  private static double position(int i) {
    int k = i % 48;
    double t = k < 24 ? k / 23.0 : (47 - k) / 23.0;
    return -2.9 + 5.8 * t + 0.01 * (i % 7);
  }

  private static String line(
      String run, LatencyRecorder latency, FxWatchdog watchdog, long moves, long decodes) {
    assertTrue(latency.count() > 0, run + ": nothing was measured");
    return String.format(
        Locale.ROOT,
        "%s: moves=%d decodes=%d latency %s; longest FX gap %.1f ms%n",
        run,
        moves,
        decodes,
        latency.summary(),
        watchdog.longestGapMillis());
  }
}
