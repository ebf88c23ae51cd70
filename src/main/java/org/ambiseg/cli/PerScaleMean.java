package org.ambiseg.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A per-latent-scale value of an HPU-Net in {@code eval}, averaged over cases: each case's line
 * holds one value per scale (coarse to fine) under a field, and the summary holds the mean over
 * cases under the same field. Used for the per-scale KL(q || p) (which scales carry information
 * about the raters' masks) and for the pixels each scale changes on its own.
 */
final class PerScaleMean {

  /** The field of KL(q || p) per scale, mean over the case's raters (nats). */
  static final String KL = "kl_per_scale";

  /** The field of the fraction of pixels that change when only one scale varies. */
  static final String CHANGED = "changed_fraction_per_scale";

  private final String field;
  private double[] sums;
  private int cases;

  /** A mean over the lines' {@code field}. */
  PerScaleMean(String field) {
    this.field = field;
  }

  /** One case's values as a JSON array. */
  static JsonArray toJson(double[] perScale) {
    JsonArray a = new JsonArray();
    for (double v : perScale) {
      a.add(v);
    }
    return a;
  }

  /** Adds the line's values when it has the field; every line must have the same scale count. */
  void addIfPresent(JsonObject row) {
    if (!row.has(field)) {
      return;
    }
    JsonArray a = row.getAsJsonArray(field);
    if (sums == null) {
      sums = new double[a.size()];
    }
    if (a.size() != sums.length) {
      throw new IllegalArgumentException(
          "case " + row.get("index") + " has " + a.size() + " scales, others " + sums.length);
    }
    for (int s = 0; s < sums.length; s++) {
      sums[s] += a.get(s).getAsDouble();
    }
    cases++;
  }

  /** Adds the mean over cases to {@code summary} under the field, when any case had it. */
  void addTo(JsonObject summary) {
    if (cases == 0) {
      return;
    }
    double[] mean = new double[sums.length];
    for (int s = 0; s < mean.length; s++) {
      mean[s] = sums[s] / cases;
    }
    summary.add(field, toJson(mean));
  }

  /** "0.012 / 0.3 / 1.25 / 4.5" for the terminal. */
  static String format(JsonArray values) {
    StringJoiner j = new StringJoiner(" / ");
    for (int s = 0; s < values.size(); s++) {
      j.add(String.format(Locale.ROOT, "%.4g", values.get(s).getAsDouble()));
    }
    return j.toString();
  }
}
