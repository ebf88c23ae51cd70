package org.ambiseg.cli;

import com.google.gson.JsonObject;

/**
 * One measurement {@code ambiseg bench} can run, named for {@code --only}; its result is a JSON
 * object printed under the benchmark's name.
 */
interface Benchmark {

  /** The name used with {@code --only} and as the JSON key, e.g. "params". */
  String name();

  /** Runs the benchmark and returns its result. */
  JsonObject run();

  /** The result as text lines for the terminal. */
  String describe(JsonObject result);
}
