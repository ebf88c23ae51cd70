package org.ambiseg.app.diagnostics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class FxWatchdogTest {

  @BeforeAll
  static void toolkit() throws TimeoutException {
    FxToolkit.registerPrimaryStage();
  }

  @Test
  void seesABlockedFxThread() throws Exception {
    try (FxWatchdog dog = FxWatchdog.start(10)) {
      Thread.sleep(100);
      dog.reset();
      Platform.runLater(
          () -> {
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(50);
      WaitForAsyncUtils.waitForFxEvents();
      assertTrue(dog.longestGapMillis() >= 290, "gap " + dog.longestGapMillis());
      assertTrue(dog.ticks() > 0);
    }
  }

  @Test
  void anIdleFxThreadHasShortGaps() throws Exception {
    try (FxWatchdog dog = FxWatchdog.start(10)) {
      Thread.sleep(100);
      dog.reset();
      Thread.sleep(300);
      WaitForAsyncUtils.waitForFxEvents();
      // Generous bound: the machine may be busy, but nothing blocks the FX thread here.
      assertTrue(dog.longestGapMillis() < 250, "gap " + dog.longestGapMillis());
      assertTrue(dog.ticks() >= 5, "ticks " + dog.ticks());
    }
  }
}
