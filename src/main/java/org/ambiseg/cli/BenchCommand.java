package org.ambiseg.cli;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ambiseg.model.DenormalFlush;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ambiseg bench}: runs the benchmarks of shared/bench/probunet_ref.py (train_step,
 * unet_features, sample16, slider_update, mcdropout20; medians after warm-up) and the parameter
 * counts (params), plus AmbiSeg's HPU-Net benchmarks (hpunet_train_step, hpunet_sample16,
 * hpunet_slider_update), and prints them as text or as one JSON object laid out as the reference's
 * (see {@link BenchReport}). Any other name given to {@code --only} is refused with "not
 * implemented yet: &lt;name&gt;" and exit code 2.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Run benchmarks: train_step, unet_features, sample16, slider_update, mcdropout20,"
            + " hpunet_train_step, hpunet_sample16, hpunet_slider_update, params.")
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--only",
      split = ",",
      description = "run only these benchmarks (comma-separated; default: all)")
  List<String> only;

  @Option(names = "--iters", defaultValue = "20", description = "timed iterations (median)")
  int iters;

  @Option(names = "--warmup", defaultValue = "3", description = "untimed iterations first")
  int warmup;

  @Option(
      names = "--threads",
      description =
          "libtorch intra-op threads (default: $THREADS as for the reference, else the engine's"
              + " choice, one per core)")
  Integer threads;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description =
          "record libtorch's operator profiler over the chosen benchmarks (warm-up included) and"
              + " write it to FILE as a Chrome trace; timings taken meanwhile include the"
              + " profiler's cost")
  Path profile;

  @Option(names = "--debug", description = "print stack traces")
  boolean debug;

  @Spec CommandSpec spec;

  /** The benchmarks by name, in run order (params is separate: a count, not a timing). */
  static Map<String, Benchmark> benchmarks() {
    Map<String, Benchmark> out = new LinkedHashMap<>();
    List<Benchmark> all = new ArrayList<>(ProbUNetTimings.all());
    all.add(new McDropoutTimings());
    all.addAll(HpuNetTimings.all());
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
    Map<String, Benchmark> known = benchmarks();
    List<Benchmark> chosen = new ArrayList<>();
    boolean withParams = only == null;
    for (String name : only == null ? List.copyOf(known.keySet()) : only) {
      String key = name.trim().replaceFirst("_ms$", "");
      Benchmark b = known.get(key);
      if (ParamsBenchmark.NAME.equals(key)) {
        withParams = true;
      } else if (b == null) {
        cl.getErr().println("error: not implemented yet: " + name.trim());
        cl.getErr().flush();
        return CommandLine.ExitCode.USAGE;
      } else {
        chosen.add(b);
      }
    }
    setThreads();
    // as `train` does on its training thread, before the first tensor operation so that
    // libtorch's worker threads inherit it: training steps would otherwise meet denormal moments
    boolean flushed = DenormalFlush.enableOnThisThread();
    BenchReport report = new BenchReport(iters, warmup, flushed);
    try (OperatorProfile ignored = OperatorProfile.start(profile)) {
      for (Benchmark b : chosen) {
        report.add(b, b.run(warmup, iters));
      }
    }
    if (profile != null) {
      report.profiled(profile.toString());
    }
    if (withParams) {
      report.addParams(ParamsBenchmark.counts());
    }
    cl.getOut().print(json ? report.json() + System.lineSeparator() : report.text());
    cl.getOut().flush();
    return 0;
  }

  /** Sets libtorch's intra-op threads from --threads or $THREADS, before and after engine start. */
  private void setThreads() {
    Integer n = threads;
    String env = System.getenv("THREADS");
    if (n == null && env != null && env.matches("\\d+")) {
      n = Integer.valueOf(env);
    }
    if (n == null) {
      return;
    }
    System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(n));
    if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
      JniUtils.setNumThreads(n); // the engine may have started before (e.g. in tests)
    }
  }
}
