package org.ambiseg.app.cases;

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
import java.util.List;
import java.util.Locale;
import org.ambiseg.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persisted list of recently opened images and datasets: at most {@link #MAX} entries, most
 * recent first, one entry per path, files that no longer exist left out. Stored as UTF-8 JSON
 * ({@code {"version": 1, "files": [{"path": ..., "kind": "image"|"dataset"}]}}) and written
 * atomically ({@link AtomicFiles}) after every change. The list is a convenience: an unreadable
 * store starts an empty list and a failed write is logged, never shown as an error. No JavaFX.
 */
public final class RecentFiles {

  private static final Logger LOG = LoggerFactory.getLogger(RecentFiles.class);

  /** Most entries kept. */
  public static final int MAX = 10;

  /** System property that moves the store (for tests and portable installs). */
  public static final String LOCATION_PROPERTY = "ambiseg.recent";

  private static final int VERSION = 1;

  private final Path store;
  private final List<RecentFile> entries = new ArrayList<>();

  /** The list stored in {@code store} (read now; a missing file is an empty list). */
  public RecentFiles(Path store) {
    this.store = store.toAbsolutePath();
    entries.addAll(read(this.store));
  }

  /**
   * {@code ~/.ambiseg/recent.json}, or the path in the system property {@value #LOCATION_PROPERTY}.
   */
  public static Path defaultLocation() {
    String override = System.getProperty(LOCATION_PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".ambiseg", "recent.json");
  }

  /** Where the list is stored. */
  public Path store() {
    return store;
  }

  /** The entries whose files still exist, most recent first. */
  public synchronized List<RecentFile> entries() {
    entries.removeIf(e -> !Files.exists(e.path()));
    return List.copyOf(entries);
  }

  /** Puts {@code path} first (moving it up if already listed), keeps {@link #MAX}, and saves. */
  public synchronized void add(Path path, RecentFile.Kind kind) {
    RecentFile entry = new RecentFile(path, kind);
    entries.removeIf(e -> e.path().equals(entry.path()) || !Files.exists(e.path()));
    entries.add(0, entry);
    while (entries.size() > MAX) {
      entries.remove(entries.size() - 1);
    }
    save();
  }

  /** Removes every entry and saves the empty list. */
  public synchronized void clear() {
    entries.clear();
    save();
  }

  private void save() {
    JsonArray files = new JsonArray();
    for (RecentFile e : entries) {
      JsonObject o = new JsonObject();
      o.addProperty("path", e.path().toString());
      o.addProperty("kind", e.kind().name().toLowerCase(Locale.ROOT));
      files.add(o);
    }
    JsonObject root = new JsonObject();
    root.addProperty("version", VERSION);
    root.add("files", files);
    try {
      AtomicFiles.writeString(
          store, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n");
    } catch (IOException e) {
      LOG.warn("{}: recent files not saved ({})", store, e.toString());
    }
  }

  private static List<RecentFile> read(Path store) {
    if (!Files.exists(store)) {
      return List.of();
    }
    List<RecentFile> out = new ArrayList<>();
    try {
      JsonObject root =
          JsonParser.parseString(Files.readString(store, StandardCharsets.UTF_8)).getAsJsonObject();
      for (JsonElement el : root.getAsJsonArray("files")) {
        JsonObject o = el.getAsJsonObject();
        RecentFile.Kind kind =
            RecentFile.Kind.valueOf(o.get("kind").getAsString().toUpperCase(Locale.ROOT));
        RecentFile entry = new RecentFile(Path.of(o.get("path").getAsString()), kind);
        if (out.stream().noneMatch(e -> e.path().equals(entry.path())) && out.size() < MAX) {
          out.add(entry);
        }
      }
    } catch (IOException
        | JsonParseException
        | IllegalStateException
        | IllegalArgumentException // an unknown kind or an invalid path
        | NullPointerException
        | UnsupportedOperationException e) {
      LOG.warn("{}: recent files unreadable, starting an empty list ({})", store, e.toString());
      return List.of();
    }
    return out;
  }
}
