package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.util.Map;

/**
 * One timed benchmark {@code ambiseg bench} can run, named for {@code --only}. A run gives one or
 * more measurements (e.g. sample16 and its plain-Fcomb variant sample16_plain), each a statistics
 * object from {@link Timing#measure} that may carry extra context fields (batch, samples).
 */
interface Benchmark {

  /** The name used with {@code --only}, e.g. "sample16". */
  String name();

  /** What is timed, in a few words for the terminal. */
  String what();

  /** Runs the benchmark: measurement name (the JSON field without "_ms") to its statistics. */
  Map<String, JsonObject> run(int warmup, int iters);
}
