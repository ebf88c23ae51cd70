package org.ambiseg.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ambiseg.model.Devices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ambiseg bench}: runs named benchmarks and prints their results, as text or as one JSON
 * object keyed by benchmark name, with the device the models ran on ("cpu" or "gpu:N"): the Prob
 * U-Net timings of shared/bench (train_step, unet_features, sample16, slider_update; medians after
 * warm-up) and the parameter counts (params). Any other name given to {@code --only} is refused
 * with "not implemented yet: &lt;name&gt;" and exit code 2.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run benchmarks: train_step, unet_features, sample16, slider_update, params.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--only",
      split = ",",
      description = "run only these benchmarks (comma-separated; default: all implemented)")
  List<String> only;

  @Option(names = "--iters", defaultValue = "20", description = "timed iterations (median)")
  int iters;

  @Option(names = "--warmup", defaultValue = "3", description = "untimed iterations first")
  int warmup;

  @Option(
      names = "--threads",
      description = "libtorch intra-op threads (default: the engine's choice, one per core)")
  Integer threads;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Spec CommandSpec spec;

  /** The implemented benchmarks by name, in run order. */
  static Map<String, Benchmark> benchmarks() {
    return benchmarks(3, 20);
  }

  /** The implemented benchmarks, timed ones with {@code warmup} and {@code iters}. */
  static Map<String, Benchmark> benchmarks(int warmup, int iters) {
    Map<String, Benchmark> out = new LinkedHashMap<>();
    List<Benchmark> all = new ArrayList<>(ProbUNetTimings.all(warmup, iters));
    all.add(new ParamsBenchmark());
    for (Benchmark b : all) {
      out.put(b.name(), b);
    }
    return out;
  }

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    if (iters < 1 || warmup < 0) {
      cl.getErr().println("error: --iters must be >= 1 and --warmup >= 0");
      return CommandLine.ExitCode.USAGE;
    }
    if (threads != null) {
      // read by DJL's PyTorch engine when it starts, which happens after this point
      System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
    }
    Map<String, Benchmark> known = benchmarks(warmup, iters);
    List<Benchmark> chosen = new ArrayList<>();
    for (String name : only == null ? List.copyOf(known.keySet()) : only) {
      Benchmark b = known.get(name.trim().replaceFirst("_ms$", ""));
      if (b == null) {
        cl.getErr().println("error: not implemented yet: " + name.trim());
        cl.getErr().flush();
        return CommandLine.ExitCode.USAGE;
      }
      chosen.add(b);
    }
    JsonObject results = new JsonObject();
    results.addProperty("device", Devices.describe(Devices.select()));
    if (!json) {
      cl.getOut().println("device: " + results.get("device").getAsString());
    }
    if (chosen.stream().anyMatch(b -> !b.name().equals("params"))) {
      results.addProperty("threads", threads == null ? "engine default" : String.valueOf(threads));
    }
    for (Benchmark b : chosen) {
      JsonObject r = b.run();
      results.add(b.name(), r);
      if (!json) {
        cl.getOut().print(b.describe(r));
      }
    }
    if (json) {
      cl.getOut().println(new GsonBuilder().setPrettyPrinting().create().toJson(results));
    }
    cl.getOut().flush();
    return 0;
  }
}
