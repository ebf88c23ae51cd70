package org.ambiseg.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.ambiseg.model.Devices;
import org.ambiseg.model.NativeAllocator;

/**
 * The result of {@code ambiseg bench} in the layout of shared/bench/probunet_ref.py: context
 * (config, engine and its version, device, threads, iters, warmup), one flat {@code <name>_ms}
 * median per measurement, {@code params}, {@code stats} (per measurement: median, min, max, mean, n
 * and context) and {@code total_runtime_s}. Measurements the reference does not have are extra
 * fields of the same form.
 */
final class BenchReport {

  private final JsonObject out = new JsonObject();
  private final JsonObject stats = new JsonObject();
  private final StringBuilder text = new StringBuilder();
  private final long started = System.nanoTime();
  private JsonObject params;

  /**
   * A report whose context is read from the running engine; {@code denormalsFlushed} says whether
   * the benchmarks ran with libtorch flushing denormal floats to zero, as training does.
   */
  BenchReport(int iters, int warmup, boolean denormalsFlushed) {
    Engine engine = Engine.getInstance();
    out.addProperty("config", "probunet-128");
    out.addProperty("engine", engine.getEngineName());
    out.addProperty("engine_version", engine.getVersion());
    out.addProperty("djl_version", Engine.getDjlVersion());
    out.addProperty("device", Devices.describe(Devices.select()));
    out.addProperty("malloc_tuned", NativeAllocator.configureOnce());
    out.addProperty("denormals_flushed", denormalsFlushed);
    if ("PyTorch".equals(engine.getEngineName())) {
      out.addProperty("threads", JniUtils.getNumThreads());
      out.addProperty("interop_threads", JniUtils.getNumInteropThreads());
    }
    out.addProperty("iters", iters);
    out.addProperty("warmup", warmup);
    text.append(
        String.format(
            Locale.ROOT,
            "%s %s on %s, %s threads, malloc thresholds %s, denormals %s, median of %d after %d"
                + " warm-up%n",
            engine.getEngineName(),
            engine.getVersion(),
            out.get("device").getAsString(),
            out.has("threads") ? out.get("threads").getAsString() : "?",
            out.get("malloc_tuned").getAsBoolean() ? "1 GiB" : "default",
            denormalsFlushed ? "flushed" : "kept",
            iters,
            warmup));
  }

  /** Adds a benchmark's measurements. */
  void add(Benchmark benchmark, Map<String, JsonObject> measurements) {
    for (Map.Entry<String, JsonObject> e : measurements.entrySet()) {
      double median = e.getValue().get("median_ms").getAsDouble();
      out.addProperty(e.getKey() + "_ms", median);
      stats.add(e.getKey(), e.getValue());
      text.append(String.format(Locale.ROOT, "  %-28s %10.2f ms", e.getKey() + "_ms", median));
      text.append(e.getKey().equals(benchmark.name()) ? "   " + benchmark.what() : "").append('\n');
    }
  }

  /**
   * Records that the timings were taken under libtorch's profiler, whose trace is in {@code file}.
   */
  void profiled(String file) {
    out.addProperty("profile", file);
    text.append("  (profiled: timings include the profiler's cost; trace in ").append(file);
    text.append(")\n");
  }

  /** Adds the parameter counts. */
  void addParams(JsonObject counts) {
    params = counts;
    text.append(ParamsBenchmark.describe(counts));
  }

  /** The report as pretty-printed JSON. */
  String json() {
    JsonObject o = out.deepCopy();
    if (params != null) {
      o.add(ParamsBenchmark.NAME, params);
    }
    if (stats.size() > 0) {
      o.add("stats", stats);
    }
    o.addProperty("total_runtime_s", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
    return new GsonBuilder().setPrettyPrinting().create().toJson(o);
  }

  /** The report as terminal text. */
  String text() {
    return text.toString();
  }
}
