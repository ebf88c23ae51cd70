package org.ambiseg.cli;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import org.ambiseg.model.McDropoutConfig;
import org.ambiseg.model.McDropoutUNetModel;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;

/**
 * Counts the parameters as shared/bench/probunet_ref.py does: the probunet-128 configuration per
 * part (prior, posterior, unet, fcomb, total) and the mcdropout-128 model (mcdropout_total). A
 * count, not a timing.
 */
final class ParamsBenchmark {

  /** The name used with {@code --only} and as the JSON key. */
  static final String NAME = "params";

  private ParamsBenchmark() {}

  /** The counts, in the reference's field order. */
  static JsonObject counts() {
    JsonObject o = new JsonObject();
    try (ProbUNetModel model = ProbUNetModel.create(ProbUNetConfig.PROBUNET_128, 1234)) {
      for (Map.Entry<String, Long> e : model.parameterCounts().entrySet()) {
        o.addProperty(e.getKey(), e.getValue());
      }
    }
    try (McDropoutUNetModel mc = McDropoutUNetModel.create(McDropoutConfig.MCDROPOUT_128, 1234)) {
      o.addProperty("mcdropout_total", mc.block().parameterCount());
    }
    return o;
  }

  /** The counts as text lines. */
  static String describe(JsonObject counts) {
    StringBuilder out = new StringBuilder("parameters (probunet-128, mcdropout-128):\n");
    for (String key : counts.keySet()) {
      out.append(String.format(Locale.ROOT, "  %-16s %,12d%n", key, counts.get(key).getAsLong()));
    }
    return out.toString();
  }
}
