package org.ambiseg.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;

/**
 * Reads and writes a dataset's {@code truth.json}: for each case id, the known interpretations
 * (name, probability, mask PNG path relative to the dataset folder) of a synthetic case.
 *
 * <p>File format (UTF-8):
 *
 * <pre>
 * {"format": "ambiseg-truth", "version": 1,
 *  "cases": {"case-001": [{"name": "core", "probability": 0.6, "mask": "truth/case-001/core.png"},
 *                         ...]}}
 * </pre>
 *
 * Probabilities are in [0, 1] and sum to at most 1 per case (within 1e-6); names and case ids are
 * plain file names (letters, digits, {@code . _ + -}); masks are binary 8-bit grey PNGs (0/255).
 */
public final class TruthJson {

  /** The file name at the top of a dataset folder. */
  public static final String FILE_NAME = "truth.json";

  /** The folder, under the dataset folder, {@link #write} puts the interpretation masks in. */
  public static final String MASK_FOLDER = "truth";

  private static final String FORMAT = "ambiseg-truth";
  private static final int VERSION = 1;
  private static final double SUM_TOLERANCE = 1e-6;
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._+-]+");

  private TruthJson() {}

  /**
   * Writes {@code truth.json} into {@code datasetDir} and each interpretation's mask as {@code
   * truth/<case id>/<name>.png}; cases are written in natural id order.
   *
   * @throws IllegalArgumentException for an unsafe case id or name, a duplicate name within a case
   *     or probabilities summing to more than 1
   */
  public static void write(Path datasetDir, Map<String, List<Interpretation>> byCase)
      throws IOException {
    Map<String, List<Interpretation>> sorted = new TreeMap<>(CaseIdOrder.NATURAL);
    sorted.putAll(byCase);
    JsonObject cases = new JsonObject();
    for (Map.Entry<String, List<Interpretation>> e : sorted.entrySet()) {
      String id = requireSafe(e.getKey(), "case id");
      double sum = e.getValue().stream().mapToDouble(Interpretation::probability).sum();
      if (sum > 1 + SUM_TOLERANCE) {
        throw new IllegalArgumentException(
            "case " + id + ": probabilities sum to " + sum + ", more than 1");
      }
      JsonArray list = new JsonArray();
      Set<String> names = new HashSet<>();
      for (Interpretation in : e.getValue()) {
        String name = requireSafe(in.name(), "interpretation name");
        if (!names.add(name)) {
          throw new IllegalArgumentException("case " + id + ": duplicate interpretation " + name);
        }
        String rel = MASK_FOLDER + "/" + id + "/" + name + ".png";
        writeMask(datasetDir.resolve(rel), in.mask());
        JsonObject o = new JsonObject();
        o.addProperty("name", name);
        o.addProperty("probability", in.probability());
        o.addProperty("mask", rel);
        list.add(o);
      }
      cases.add(id, list);
    }
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("version", VERSION);
    root.add("cases", cases);
    Gson gson = new GsonBuilder().setPrettyPrinting().create();
    Path target = datasetDir.resolve(FILE_NAME);
    AtomicFiles.writeString(target, gson.toJson(root) + "\n");
  }

  /** True when {@code datasetDir} has a truth.json. */
  public static boolean exists(Path datasetDir) {
    return Files.isRegularFile(datasetDir.resolve(FILE_NAME));
  }

  /** Reads truth.json and decodes every mask: case id to interpretations, in natural id order. */
  public static Map<String, List<Interpretation>> read(Path datasetDir) throws BadInputException {
    Map<String, List<Interpretation>> out = new TreeMap<>(CaseIdOrder.NATURAL);
    for (Map.Entry<String, List<TruthEntry>> e : readIndex(datasetDir).entrySet()) {
      List<Interpretation> list = new ArrayList<>();
      for (TruthEntry t : e.getValue()) {
        list.add(t.load());
      }
      out.put(e.getKey(), List.copyOf(list));
    }
    return out;
  }

  /**
   * Reads and validates truth.json without decoding the masks (paths must stay inside the dataset
   * folder and exist).
   */
  public static Map<String, List<TruthEntry>> readIndex(Path datasetDir) throws BadInputException {
    Path file = datasetDir.resolve(FILE_NAME);
    JsonObject root = parse(file);
    String format = stringField(file, root, "format");
    if (!FORMAT.equals(format)) {
      throw new BadInputException(file, "format is '" + format + "', expected '" + FORMAT + "'");
    }
    JsonElement version = root.get("version");
    if (version == null || !version.isJsonPrimitive() || version.getAsInt() != VERSION) {
      throw new BadInputException(file, "unsupported version " + version + " (expected 1)");
    }
    JsonElement cases = root.get("cases");
    if (cases == null || !cases.isJsonObject()) {
      throw new BadInputException(file, "missing object 'cases'");
    }
    Path base = datasetDir.toAbsolutePath().normalize();
    Map<String, List<TruthEntry>> out = new TreeMap<>(CaseIdOrder.NATURAL);
    for (Map.Entry<String, JsonElement> c : cases.getAsJsonObject().entrySet()) {
      String where = file + " case " + c.getKey();
      if (!c.getValue().isJsonArray()) {
        throw new BadInputException(where, "expected a list of interpretations");
      }
      List<TruthEntry> list = new ArrayList<>();
      for (JsonElement el : c.getValue().getAsJsonArray()) {
        list.add(entry(where, base, el));
      }
      double sum = list.stream().mapToDouble(TruthEntry::probability).sum();
      if (sum > 1 + SUM_TOLERANCE) {
        throw new BadInputException(where, "probabilities sum to " + sum + ", more than 1");
      }
      out.put(c.getKey(), List.copyOf(list));
    }
    return out;
  }

  private static TruthEntry entry(String where, Path base, JsonElement el)
      throws BadInputException {
    if (!el.isJsonObject()) {
      throw new BadInputException(where, "an interpretation must be an object, got " + el);
    }
    JsonObject o = el.getAsJsonObject();
    String name = stringField(where, o, "name");
    JsonElement p = o.get("probability");
    if (p == null || !p.isJsonPrimitive() || !p.getAsJsonPrimitive().isNumber()) {
      throw new BadInputException(where, "interpretation " + name + " has no number 'probability'");
    }
    double prob = p.getAsDouble();
    if (!(prob >= 0 && prob <= 1)) {
      throw new BadInputException(
          where, "interpretation " + name + " has probability " + prob + " outside [0, 1]");
    }
    String rel = stringField(where, o, "mask");
    Path mask = base.resolve(rel).normalize();
    if (!mask.startsWith(base)) {
      throw new BadInputException(where, "mask path " + rel + " leaves the dataset folder");
    }
    if (!Files.isRegularFile(mask)) {
      throw new BadInputException(where, "mask file " + mask + " does not exist");
    }
    return new TruthEntry(name, prob, mask);
  }

  private static JsonObject parse(Path file) throws BadInputException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonElement root = JsonParser.parseReader(r);
      if (!root.isJsonObject()) {
        throw new BadInputException(file, "expected a JSON object at the top");
      }
      return root.getAsJsonObject();
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read file (" + e.getMessage() + ")", e);
    } catch (JsonParseException e) {
      throw new BadInputException(file, "not valid JSON (" + e.getMessage() + ")", e);
    }
  }

  private static String stringField(Object where, JsonObject o, String key)
      throws BadInputException {
    JsonElement e = o.get(key);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new BadInputException(String.valueOf(where), "missing text field '" + key + "'");
    }
    return e.getAsString();
  }

  private static String requireSafe(String s, String what) {
    if (s == null || !SAFE_NAME.matcher(s).matches() || s.equals(".") || s.equals("..")) {
      throw new IllegalArgumentException(
          what + " '" + s + "' must use only letters, digits and . _ + -");
    }
    return s;
  }

  private static void writeMask(Path file, LabelMask mask) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage img =
        new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] labels = mask.labels();
    byte[] grey = new byte[labels.length];
    for (int i = 0; i < labels.length; i++) {
      grey[i] = labels[i] != 0 ? (byte) 255 : 0;
    }
    img.getRaster().setDataElements(0, 0, mask.width(), mask.height(), grey);
    AtomicFiles.write(
        file,
        out -> {
          if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer available for " + file);
          }
        });
  }
}
