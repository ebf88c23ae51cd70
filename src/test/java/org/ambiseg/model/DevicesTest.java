package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one place where the device is chosen, with the GPU count supplied by the test. */
class DevicesTest {

  private final List<String> log = new ArrayList<>();

  @Test
  void picksTheFirstGpuWhenOneIsPresent() {
    assertEquals(Device.gpu(0), Devices.select(() -> 2, null, log::add));
    assertEquals(List.of(), log);
  }

  @Test
  void fallsBackToCpuWithExactlyOneLogLine() {
    assertEquals(Device.cpu(), Devices.select(() -> 0, null, log::add));
    assertEquals(List.of("no GPU found; using the CPU"), log);
  }

  @Test
  void aRequestedGpuThatIsMissingFallsBackWithOneLine() {
    assertEquals(Device.cpu(), Devices.select(() -> 0, "gpu", log::add));
    assertEquals(List.of("a GPU was requested but none is available; using the CPU"), log);
  }

  @Test
  void cpuOverrideWinsOverAGpuWithoutAskingTheEngine() {
    assertEquals(
        Device.cpu(),
        Devices.select(
            () -> {
              throw new AssertionError("the GPU count must not be read");
            },
            "cpu",
            log::add));
    assertEquals(List.of(), log);
  }

  @Test
  void describesDevicesShortly() {
    assertEquals("cpu", Devices.describe(Device.cpu()));
    assertEquals("gpu:1", Devices.describe(Device.gpu(1)));
  }
}
