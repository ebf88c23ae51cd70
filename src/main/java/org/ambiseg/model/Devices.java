package org.ambiseg.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the compute device is chosen: the first GPU when the engine sees one (and
 * {@code -Dambiseg.device=cpu} does not force the CPU), else the CPU with one log line.
 */
public final class Devices {

  private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

  private Devices() {}

  /** The device to run models on. */
  public static Device select() {
    return select(() -> Engine.getInstance().getGpuCount(), System.getProperty("ambiseg.device"));
  }

  /** The device for a given GPU count and user override ("cpu", "gpu" or null). */
  static Device select(IntSupplier gpuCount, String override) {
    if ("cpu".equalsIgnoreCase(override)) {
      return Device.cpu();
    }
    int gpus = gpuCount.getAsInt();
    if (gpus > 0) {
      return Device.gpu(0);
    }
    if ("gpu".equalsIgnoreCase(override)) {
      LOG.warn("a GPU was requested but none is available; using the CPU");
    } else {
      LOG.info("no GPU found; using the CPU");
    }
    return Device.cpu();
  }
}
