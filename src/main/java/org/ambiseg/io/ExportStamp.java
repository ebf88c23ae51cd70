package org.ambiseg.io;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What produced an exported file (model, estimator, seed, number of samples N, optional latent
 * vector z, AmbiSeg version, time), written into the file's metadata so that a GIF or PNG found
 * later says how to reproduce it.
 *
 * <p>The stamp is a list of key/value entries ({@link #entries()}): PNG files carry each entry as
 * one {@code tEXt} chunk, GIF files carry all of them in one comment extension, one {@code key:
 * value} line each ({@link #toText()}). Both forms parse back to an equal stamp. Keys: {@code
 * Software} ("AmbiSeg" and the version), {@code Creation Time} (ISO-8601 UTC, whole seconds),
 * {@code Model}, {@code Estimator}, {@code Seed}, {@code Samples}, and {@code Latent z} (values
 * separated by ", ", only when a z vector is given).
 *
 * @param model the model's name (its folder name)
 * @param estimator the estimator's name
 * @param seed the seed the samples were drawn with
 * @param sampleCount N, the number of samples
 * @param latent the latent vector z shown, when the export is of one slider position
 * @param appVersion AmbiSeg's version
 * @param created when the export was made (truncated to whole seconds)
 */
public record ExportStamp(
    String model,
    String estimator,
    long seed,
    int sampleCount,
    Optional<List<Double>> latent,
    String appVersion,
    Instant created) {

  /** Key of the software entry. */
  public static final String SOFTWARE = "Software";

  /** Key of the creation time entry. */
  public static final String CREATION_TIME = "Creation Time";

  /** Key of the model entry. */
  public static final String MODEL = "Model";

  /** Key of the estimator entry. */
  public static final String ESTIMATOR = "Estimator";

  /** Key of the seed entry. */
  public static final String SEED = "Seed";

  /** Key of the sample count entry. */
  public static final String SAMPLES = "Samples";

  /** Key of the latent vector entry. */
  public static final String LATENT = "Latent z";

  private static final String SOFTWARE_PREFIX = "AmbiSeg ";

  /** Checks the values and truncates the time to whole seconds. */
  public ExportStamp {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(estimator, "estimator");
    Objects.requireNonNull(appVersion, "appVersion");
    Objects.requireNonNull(created, "created");
    latent = latent.map(List::copyOf);
    if (sampleCount < 0) {
      throw new IllegalArgumentException("sample count must be >= 0, got " + sampleCount);
    }
    created = created.truncatedTo(ChronoUnit.SECONDS);
  }

  /** A stamp without a latent vector. */
  public static ExportStamp of(
      String model, String estimator, long seed, int sampleCount, String appVersion, Instant at) {
    return new ExportStamp(model, estimator, seed, sampleCount, Optional.empty(), appVersion, at);
  }

  /** This stamp with the latent vector {@code z}. */
  public ExportStamp withLatent(double[] z) {
    List<Double> values = new ArrayList<>(z.length);
    for (double v : z) {
      values.add(v);
    }
    return new ExportStamp(
        model, estimator, seed, sampleCount, Optional.of(values), appVersion, created);
  }

  /** The entries in a fixed order (see the class comment for the keys). */
  public Map<String, String> entries() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(SOFTWARE, SOFTWARE_PREFIX + appVersion);
    out.put(CREATION_TIME, created.toString());
    out.put(MODEL, model);
    out.put(ESTIMATOR, estimator);
    out.put(SEED, Long.toString(seed));
    out.put(SAMPLES, Integer.toString(sampleCount));
    latent.ifPresent(z -> out.put(LATENT, joinLatent(z)));
    return out;
  }

  /** The entries as {@code key: value} lines joined by "\n": the GIF comment. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> e : entries().entrySet()) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(e.getKey()).append(": ").append(e.getValue());
    }
    return out.toString();
  }

  /** A one-line caption for drawing on an image: model, estimator, seed, N, version and date. */
  public String caption() {
    return model
        + " \u00b7 "
        + estimator
        + " \u00b7 seed "
        + seed
        + " \u00b7 N="
        + sampleCount
        + " \u00b7 AmbiSeg "
        + appVersion
        + " \u00b7 "
        + created.toString().substring(0, 10);
  }

  /** Parses the form written by {@link #toText()}. */
  public static ExportStamp fromText(String text) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      int colon = line.indexOf(": ");
      if (colon <= 0) {
        throw new IllegalArgumentException("not a stamp line: '" + line + "'");
      }
      entries.put(line.substring(0, colon), line.substring(colon + 2));
    }
    return fromEntries(entries);
  }

  /**
   * Parses the entries written by {@link #entries()}; other keys are ignored.
   *
   * @throws IllegalArgumentException when an entry is missing or malformed
   */
  public static ExportStamp fromEntries(Map<String, String> entries) {
    String software = require(entries, SOFTWARE);
    if (!software.startsWith(SOFTWARE_PREFIX)) {
      throw new IllegalArgumentException("not an AmbiSeg stamp: Software is '" + software + "'");
    }
    try {
      Optional<List<Double>> latent =
          Optional.ofNullable(entries.get(LATENT)).map(ExportStamp::parseLatent);
      return new ExportStamp(
          require(entries, MODEL),
          require(entries, ESTIMATOR),
          Long.parseLong(require(entries, SEED)),
          Integer.parseInt(require(entries, SAMPLES)),
          latent,
          software.substring(SOFTWARE_PREFIX.length()),
          Instant.parse(require(entries, CREATION_TIME)));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("malformed stamp entry: " + e.getMessage(), e);
    }
  }

  private static String require(Map<String, String> entries, String key) {
    String v = entries.get(key);
    if (v == null) {
      throw new IllegalArgumentException("stamp entry '" + key + "' is missing");
    }
    return v;
  }

  private static String joinLatent(List<Double> z) {
    List<String> parts = new ArrayList<>(z.size());
    z.forEach(v -> parts.add(Double.toString(v)));
    return String.join(", ", parts);
  }

  private static List<Double> parseLatent(String text) {
    List<Double> out = new ArrayList<>();
    if (text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      out.add(Double.parseDouble(part.trim()));
    }
    return out;
  }
}
