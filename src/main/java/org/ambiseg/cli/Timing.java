package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.util.Arrays;

/**
 * Times a piece of work as the PyTorch reference does: {@code warmup} untimed runs, then {@code
 * iters} timed runs; reports the median (the headline number) with min, max and mean, in
 * milliseconds.
 */
final class Timing {

  private Timing() {}

  /** Runs and times {@code work}. */
  static JsonObject measure(int warmup, int iters, Runnable work) {
    for (int i = 0; i < warmup; i++) {
      work.run();
    }
    double[] ms = new double[iters];
    for (int i = 0; i < iters; i++) {
      long t0 = System.nanoTime();
      work.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    double median =
        iters % 2 == 1 ? sorted[iters / 2] : (sorted[iters / 2 - 1] + sorted[iters / 2]) / 2;
    JsonObject o = new JsonObject();
    o.addProperty("median_ms", median);
    o.addProperty("min_ms", sorted[0]);
    o.addProperty("max_ms", sorted[iters - 1]);
    o.addProperty("mean_ms", Arrays.stream(ms).average().orElse(Double.NaN));
    o.addProperty("iters", iters);
    o.addProperty("warmup", warmup);
    return o;
  }
}
