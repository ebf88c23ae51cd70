package org.ambiseg.app.export;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ambiseg.app.cases.Roi;
import org.ambiseg.core.BadInputException;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.io.AtomicFiles;
import org.ambiseg.io.render.OverlayLook;
import org.ambiseg.io.render.OverlayStyle;

/**
 * Reads and writes {@link SessionFile}s as UTF-8 JSON (written atomically), versioned so that a
 * file from another AmbiSeg version is refused rather than misread.
 *
 * <p>Format, version 1:
 *
 * <pre>
 * {"format": "ambiseg-session", "version": 1,
 *  "case": {"image": "/data/scan.png"}            (or {"dataset": "/data/lidc.zip", "id": "case-7"}),
 *  "model": "/models/probunet-shapes", "estimator": "default", "seed": 7, "samples": 16,
 *  "latent": [0.5, -1.25], "map": "MEAN",
 *  "overlay": {"style": "OUTLINE", "colour": "#39FF14", "opacity": 1.0},
 *  "region": {"x": 200, "y": 140, "width": 128, "height": 128}}
 * </pre>
 *
 * {@code region} is there only when a region of a large image was sampled (files without it, from
 * earlier AmbiSeg versions, read as before).
 *
 * <p>Paths are written absolute; a relative path in a file (written by hand) is taken relative to
 * the session file's folder. {@code map} is a {@link MapKind} name, {@code style} an {@link
 * OverlayStyle} name.
 */
public final class SessionJson {

  /** The {@code format} value. */
  public static final String FORMAT = "ambiseg-session";

  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  /** The usual file name ending. */
  public static final String EXTENSION = ".ambiseg.json";

  private SessionJson() {}

  /** Writes {@code session} to {@code target} atomically. */
  public static void write(Path target, SessionFile session) throws IOException {
    JsonObject root = new JsonObject();
    root.addProperty("format", FORMAT);
    root.addProperty("version", VERSION);
    JsonObject caseObject = new JsonObject();
    SessionFile.CaseRef ref = session.caseRef();
    ref.imageFile().ifPresent(p -> caseObject.addProperty("image", absolute(p)));
    ref.dataset().ifPresent(p -> caseObject.addProperty("dataset", absolute(p)));
    ref.caseId().ifPresent(id -> caseObject.addProperty("id", id));
    root.add("case", caseObject);
    root.addProperty("model", absolute(session.modelDir()));
    root.addProperty("estimator", session.estimatorKind());
    root.addProperty("seed", session.seed());
    root.addProperty("samples", session.sampleCount());
    JsonArray latent = new JsonArray();
    session.latent().forEach(latent::add);
    root.add("latent", latent);
    root.addProperty("map", session.mapKind().name());
    JsonObject overlay = new JsonObject();
    overlay.addProperty("style", session.overlay().style().name());
    overlay.addProperty("colour", String.format(Locale.ROOT, "#%06X", session.overlay().rgb()));
    overlay.addProperty("opacity", session.overlay().opacity());
    root.add("overlay", overlay);
    session
        .region()
        .ifPresent(
            r -> {
              JsonObject region = new JsonObject();
              region.addProperty("x", r.x());
              region.addProperty("y", r.y());
              region.addProperty("width", r.width());
              region.addProperty("height", r.height());
              root.add("region", region);
            });
    String text = new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    AtomicFiles.writeString(target, text);
  }

  /**
   * Reads a session file.
   *
   * @throws BadInputException naming the file when it is missing, not JSON, of another format or
   *     version, or lacks or mangles a field
   */
  public static SessionFile read(Path file) throws BadInputException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (NoSuchFileException e) {
      throw new BadInputException(file, "no such session file");
    } catch (CharacterCodingException e) {
      throw new BadInputException(file, "not UTF-8 text");
    } catch (IOException e) {
      throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
    }
    JsonObject root;
    try {
      JsonElement parsed = JsonParser.parseString(text);
      if (!parsed.isJsonObject()) {
        throw new BadInputException(file, "not a session file (expected a JSON object)");
      }
      root = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new BadInputException(file, "not valid JSON: " + firstLine(e.getMessage()), e);
    }
    Fields f = new Fields(file, root);
    if (!FORMAT.equals(f.string("format"))) {
      throw new BadInputException(
          file, "not an AmbiSeg session file (format is not " + FORMAT + ")");
    }
    long version = f.integer("version");
    if (version != VERSION) {
      throw new BadInputException(
          file,
          "session format version "
              + version
              + " is not supported (this AmbiSeg reads version "
              + VERSION
              + ")");
    }
    try {
      return new SessionFile(
          caseRef(f.object("case"), file),
          f.path("model"),
          f.string("estimator"),
          f.integer("seed"),
          (int) f.integer("samples"),
          f.numbers("latent"),
          f.enumValue("map", MapKind.class),
          overlay(f.object("overlay")),
          f.has("region") ? Optional.of(region(f.object("region"))) : Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(file, e.getMessage(), e);
    }
  }

  private static SessionFile.CaseRef caseRef(Fields c, Path file) throws BadInputException {
    if (c.has("image")) {
      return SessionFile.CaseRef.image(c.path("image"));
    }
    if (c.has("dataset")) {
      return SessionFile.CaseRef.datasetCase(c.path("dataset"), c.string("id"));
    }
    throw new BadInputException(file, "\"case\" needs \"image\", or \"dataset\" and \"id\"");
  }

  private static OverlayLook overlay(Fields o) throws BadInputException {
    String colour = o.string("colour");
    if (!colour.matches("#[0-9A-Fa-f]{6}")) {
      throw o.bad("colour", "is not #RRGGBB: " + colour);
    }
    return new OverlayLook(
        o.enumValue("style", OverlayStyle.class),
        Integer.parseInt(colour.substring(1), 16),
        o.number("opacity"));
  }

  private static Roi region(Fields r) throws BadInputException {
    return new Roi(
        (int) r.integer("x"),
        (int) r.integer("y"),
        (int) r.integer("width"),
        (int) r.integer("height"));
  }

  private static String firstLine(String message) {
    String m = String.valueOf(message);
    int end = m.indexOf('\n');
    return end < 0 ? m : m.substring(0, end);
  }

  private static String absolute(Path p) {
    return p.toAbsolutePath().normalize().toString();
  }

  /** Typed access to one JSON object's fields, failing with the file and field named. */
  private record Fields(Path file, JsonObject object) {

    boolean has(String name) {
      return object.has(name) && !object.get(name).isJsonNull();
    }

    BadInputException bad(String name, String problem) {
      return new BadInputException(file, "field \"" + name + "\" " + problem);
    }

    JsonElement get(String name) throws BadInputException {
      if (!has(name)) {
        throw bad(name, "is missing");
      }
      return object.get(name);
    }

    String string(String name) throws BadInputException {
      JsonElement e = get(name);
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw bad(name, "is not a string");
      }
      return e.getAsString();
    }

    double number(String name) throws BadInputException {
      JsonElement e = get(name);
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
        throw bad(name, "is not a number");
      }
      return e.getAsDouble();
    }

    long integer(String name) throws BadInputException {
      JsonElement e = get(name);
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
        throw bad(name, "is not a number");
      }
      try {
        return e.getAsBigDecimal().longValueExact();
      } catch (ArithmeticException ex) {
        throw bad(name, "is not a whole number: " + e.getAsString());
      }
    }

    List<Double> numbers(String name) throws BadInputException {
      JsonElement e = get(name);
      if (!e.isJsonArray()) {
        throw bad(name, "is not a list of numbers");
      }
      List<Double> out = new ArrayList<>();
      for (JsonElement v : e.getAsJsonArray()) {
        if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
          throw bad(name, "holds a value that is not a number: " + v);
        }
        out.add(v.getAsDouble());
      }
      return out;
    }

    Path path(String name) throws BadInputException {
      Path p = Path.of(string(name));
      Path folder = file.toAbsolutePath().getParent();
      return p.isAbsolute() || folder == null ? p : folder.resolve(p).normalize();
    }

    Fields object(String name) throws BadInputException {
      JsonElement e = get(name);
      if (!e.isJsonObject()) {
        throw bad(name, "is not an object");
      }
      return new Fields(file, e.getAsJsonObject());
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) throws BadInputException {
      String v = string(name);
      try {
        return Enum.valueOf(type, v);
      } catch (IllegalArgumentException e) {
        throw bad(name, "is not one of " + Arrays.toString(type.getEnumConstants()));
      }
    }
  }
}
