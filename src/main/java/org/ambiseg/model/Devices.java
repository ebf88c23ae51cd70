package org.ambiseg.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the compute device is chosen: the first GPU when the engine sees one (and
 * {@code -Dambiseg.device=cpu} does not force the CPU), else the CPU with one log line per process
 * (not one per model loaded). Choosing the device is the first thing every model does, so it also
 * sets up the process's native memory once ({@link NativeAllocator}).
 */
public final class Devices {

  private static final Logger LOG = LoggerFactory.getLogger(Devices.class);
  private static final AtomicBoolean FALLBACK_LOGGED = new AtomicBoolean();

  private Devices() {}

  /** The device to run models on. */
  public static Device select() {
    NativeAllocator.configureOnce();
    return select(
        () -> Engine.getInstance().getGpuCount(),
        System.getProperty("ambiseg.device"),
        message -> {
          if (FALLBACK_LOGGED.compareAndSet(false, true)) {
            LOG.info(message);
          }
        });
  }

  /** A short name for a device: "cpu" or "gpu:N". */
  public static String describe(Device device) {
    return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
  }

  /** The device for a given GPU count and user override ("cpu", "gpu" or null). */
  static Device select(IntSupplier gpuCount, String override) {
    return select(gpuCount, override, LOG::info);
  }

  /**
   * The device for a given GPU count and user override ("cpu", "gpu" or null); a fallback to the
   * CPU that was not asked for is reported to {@code log} in exactly one message.
   */
  static Device select(IntSupplier gpuCount, String override, Consumer<String> log) {
    if ("cpu".equalsIgnoreCase(override)) {
      return Device.cpu();
    }
    int gpus = gpuCount.getAsInt();
    if (gpus > 0) {
      return Device.gpu(0);
    }
    log.accept(
        "gpu".equalsIgnoreCase(override)
            ? "a GPU was requested but none is available; using the CPU"
            : "no GPU found; using the CPU");
    return Device.cpu();
  }
}
