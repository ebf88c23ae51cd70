package org.ambiseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** The one place where the device is chosen, with the GPU count supplied by the test. */
class DevicesTest {

  @Test
  void picksTheFirstGpuWhenOneIsPresent() {
    assertEquals(Device.gpu(0), Devices.select(() -> 2, null));
  }

  @Test
  void fallsBackToCpuWithoutGpu() {
    assertEquals(Device.cpu(), Devices.select(() -> 0, null));
    assertEquals(Device.cpu(), Devices.select(() -> 0, "gpu"));
  }

  @Test
  void cpuOverrideWinsOverAGpu() {
    assertEquals(Device.cpu(), Devices.select(() -> 1, "cpu"));
  }
}
