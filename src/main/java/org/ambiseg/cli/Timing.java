package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Times a piece of work as the PyTorch reference does: {@code warmup} untimed runs, then {@code
 * iters} timed runs; reports the median (the headline number) with min, max and mean, in
 * milliseconds, and the number of timed runs {@code n} (the reference's {@code stats} layout). Also
 * reports {@code cpu_median_ms}, the calling thread's CPU time per run: with one intra-op thread
 * ({@code --threads 1}) it is the work done, nearly independent of other load on the machine, so
 * relative comparisons stay possible where wall times are not.
 */
final class Timing {

  private Timing() {}

  /** Runs and times {@code work}. */
  static JsonObject measure(int warmup, int iters, Runnable work) {
    for (int i = 0; i < warmup; i++) {
      work.run();
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] ms = new double[iters];
    double[] cpu = new double[iters];
    for (int i = 0; i < iters; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
    }
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double median = median(ms);
    JsonObject o = new JsonObject();
    o.addProperty("median_ms", median);
    o.addProperty("min_ms", sorted[0]);
    o.addProperty("max_ms", sorted[iters - 1]);
    o.addProperty("mean_ms", Arrays.stream(ms).average().orElse(Double.NaN));
    o.addProperty("n", iters);
    o.addProperty("cpu_median_ms", median(cpu));
    return o;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
