package org.ambiseg.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ambiseg bench}: runs named benchmarks and prints their results, as text or as one JSON
 * object keyed by benchmark name. Benchmarks register in {@link #benchmarks()}; for now only {@code
 * params} (parameter counts of probunet-128) exists, and any other name given to {@code --only} is
 * refused with "not implemented yet: &lt;name&gt;" and exit code 2.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run benchmarks (for now: params, the parameter counts of probunet-128).")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--only",
      split = ",",
      description = "run only these benchmarks (comma-separated; default: all implemented)")
  List<String> only;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Spec CommandSpec spec;

  /** The implemented benchmarks by name, in run order. */
  static Map<String, Benchmark> benchmarks() {
    Map<String, Benchmark> out = new LinkedHashMap<>();
    for (Benchmark b : List.<Benchmark>of(new ParamsBenchmark())) {
      out.put(b.name(), b);
    }
    return out;
  }

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    Map<String, Benchmark> known = benchmarks();
    List<Benchmark> chosen = new ArrayList<>();
    for (String name : only == null ? List.copyOf(known.keySet()) : only) {
      Benchmark b = known.get(name.trim());
      if (b == null) {
        cl.getErr().println("error: not implemented yet: " + name.trim());
        cl.getErr().flush();
        return CommandLine.ExitCode.USAGE;
      }
      chosen.add(b);
    }
    JsonObject results = new JsonObject();
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
