package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;

/**
 * Counts the parameters of the probunet-128 configuration (built with seed 1234) per part: prior
 * net, posterior net, U-Net, fcomb and total. A count, not a timing.
 */
final class ParamsBenchmark implements Benchmark {

  /** Seed the model is built with (the count does not depend on it). */
  static final long SEED = 1234;

  @Override
  public String name() {
    return "params";
  }

  @Override
  public JsonObject run() {
    JsonObject o = new JsonObject();
    try (ProbUNetModel model = ProbUNetModel.create(ProbUNetConfig.PROBUNET_128, SEED)) {
      for (Map.Entry<String, Long> e : model.parameterCounts().entrySet()) {
        o.addProperty(e.getKey(), e.getValue());
      }
    }
    return o;
  }

  @Override
  public String describe(JsonObject result) {
    StringBuilder out = new StringBuilder("probunet-128 parameters:\n");
    for (String key : result.keySet()) {
      out.append(String.format(Locale.ROOT, "  %-10s %,12d%n", key, result.get(key).getAsLong()));
    }
    return out.toString();
  }
}
