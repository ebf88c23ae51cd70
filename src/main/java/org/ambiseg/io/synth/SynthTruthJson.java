package org.ambiseg.io.synth;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.ambiseg.io.AtomicFiles;
import org.ambiseg.io.ImageReader;

/**
 * Reads and writes a dataset's truth.json and its interpretation masks:
 *
 * <pre>
 * {"format": "ambiseg-truth", "version": 1,
 *  "cases": {"&lt;id&gt;": [{"name": "core", "probability": 0.6, "mask": "truth/&lt;id&gt;/core.png"}, ...]},
 *  "parameters": {"&lt;id&gt;": {"coreContrast": 0.21, ...}},
 *  "generator": {"cases": 320, "size": 128, "seed": 1, "split": {"train": 0.75, "val": 0.125, "test": 0.125}}}
 * </pre>
 *
 * Mask paths are relative to the dataset folder; masks are 0/255 grey PNGs.
 */
public final class SynthTruthJson {

  /** The file name inside a dataset folder. */
  public static final String FILE_NAME = "truth.json";

  /** The value of the "format" field. */
  public static final String FORMAT = "ambiseg-truth";

  /** The format version written and accepted. */
  public static final int VERSION = 1;

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

  private SynthTruthJson() {}

  /**
   * Writes truth.json and every interpretation mask (truth/&lt;id&gt;/&lt;name&gt;.png) under
   * {@code dir}.
   */
  public static void write(Path dir, SynthTruth truth) throws IOException {
    JsonObject cases = new JsonObject();
    for (Map.Entry<String, List<Interpretation>> c : truth.cases().entrySet()) {
      JsonArray list = new JsonArray();
      for (Interpretation t : c.getValue()) {
        String rel = "truth/" + c.getKey() + "/" + fileName(t.name()) + ".png";
        GreyPng.writeMask(t.mask(), dir.resolve(rel));
        JsonObject o = new JsonObject();
        o.addProperty("name", t.name());
        o.addProperty("probability", t.probability());
        o.addProperty("mask", rel);
        list.add(o);
      }
      cases.add(c.getKey(), list);
    }
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("version", VERSION);
    root.add("cases", cases);
    if (!truth.parameters().isEmpty()) {
      JsonObject params = new JsonObject();
      truth.parameters().forEach((id, p) -> params.add(id, GSON.toJsonTree(p.rounded())));
      root.add("parameters", params);
    }
    truth.generator().ifPresent(g -> root.add("generator", GSON.toJsonTree(g)));
    Files.createDirectories(dir);
    AtomicFiles.writeString(dir.resolve(FILE_NAME), GSON.toJson(root) + "\n");
  }

  /** Reads truth.json in {@code dir} and the masks it names, validating the format. */
  public static SynthTruth read(Path dir) throws BadInputException {
    Path file = dir.resolve(FILE_NAME);
    JsonObject root = parse(file);
    if (!root.has("format") || !FORMAT.equals(root.get("format").getAsString())) {
      throw new BadInputException(file, "\"format\" must be \"" + FORMAT + "\"");
    }
    if (!root.has("version") || root.get("version").getAsInt() != VERSION) {
      throw new BadInputException(
          file,
          "unsupported version " + root.get("version") + " (this program reads " + VERSION + ")");
    }
    if (!root.has("cases") || !root.get("cases").isJsonObject()) {
      throw new BadInputException(file, "missing \"cases\" object");
    }
    Map<String, List<Interpretation>> cases = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> c : root.getAsJsonObject("cases").entrySet()) {
      cases.put(c.getKey(), readCase(dir, file, c.getKey(), c.getValue()));
    }
    Map<String, LesionParameters> params = new LinkedHashMap<>();
    if (root.has("parameters") && root.get("parameters").isJsonObject()) {
      for (Map.Entry<String, JsonElement> p : root.getAsJsonObject("parameters").entrySet()) {
        try {
          params.put(p.getKey(), GSON.fromJson(p.getValue(), LesionParameters.class));
        } catch (JsonParseException e) {
          throw new BadInputException(file, "bad parameters for case " + p.getKey(), e);
        }
      }
    }
    Optional<SynthSettings> generator = Optional.empty();
    if (root.has("generator") && root.get("generator").isJsonObject()) {
      try {
        generator = Optional.of(GSON.fromJson(root.get("generator"), SynthSettings.class));
      } catch (JsonParseException | IllegalArgumentException e) {
        throw new BadInputException(file, "bad \"generator\" entry (" + e.getMessage() + ")", e);
      }
    }
    return new SynthTruth(cases, params, generator);
  }

  private static List<Interpretation> readCase(Path dir, Path file, String id, JsonElement e)
      throws BadInputException {
    if (!e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
      throw new BadInputException(
          file, "case " + id + " needs a non-empty list of interpretations");
    }
    List<Interpretation> out = new ArrayList<>();
    double sum = 0;
    for (JsonElement item : e.getAsJsonArray()) {
      if (!item.isJsonObject()) {
        throw new BadInputException(file, "case " + id + ": an interpretation is not an object");
      }
      JsonObject o = item.getAsJsonObject();
      if (!o.has("name") || !o.has("probability") || !o.has("mask")) {
        throw new BadInputException(
            file, "case " + id + ": an interpretation needs name, probability and mask");
      }
      String name = o.get("name").getAsString();
      double p;
      try {
        p = o.get("probability").getAsDouble();
      } catch (RuntimeException ex) {
        throw new BadInputException(
            file, "case " + id + ", " + name + ": probability not a number");
      }
      if (!(p >= 0 && p <= 1)) {
        throw new BadInputException(
            file, "case " + id + ", " + name + ": probability " + p + " outside [0, 1]");
      }
      Path mask = resolveInside(dir, file, o.get("mask").getAsString());
      LabelMask m = ImageReader.readMask(mask);
      if (!out.isEmpty()
          && (m.width() != out.get(0).mask().width() || m.height() != out.get(0).mask().height())) {
        throw new BadInputException(
            mask, "is " + m.width() + "x" + m.height() + ", unlike the other masks of case " + id);
      }
      out.add(new Interpretation(name, p, m));
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-6) {
      throw new BadInputException(
          file, "case " + id + ": interpretation probabilities sum to " + sum + ", not 1");
    }
    return out;
  }

  private static Path resolveInside(Path dir, Path file, String rel) throws BadInputException {
    Path base = dir.toAbsolutePath().normalize();
    Path p = base.resolve(rel).normalize();
    if (!p.startsWith(base)) {
      throw new BadInputException(file, "mask path " + rel + " points outside the dataset folder");
    }
    return p;
  }

  private static JsonObject parse(Path file) throws BadInputException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read file (" + e.getMessage() + ")", e);
    }
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonObject()) {
        throw new BadInputException(file, "not a JSON object");
      }
      return e.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new BadInputException(file, "invalid JSON (" + e.getMessage() + ")", e);
    }
  }

  /** A file-system-safe version of an interpretation name ("core+lobe" stays as it is). */
  static String fileName(String name) {
    return name.replaceAll("[^A-Za-z0-9+._-]", "_");
  }
}
