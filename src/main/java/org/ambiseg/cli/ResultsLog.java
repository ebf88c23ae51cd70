package org.ambiseg.cli;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ambiseg.core.BadInputException;

/**
 * A batch run's per-case results file ({@code cases.jsonl}): one JSON object per finished case,
 * each with its dataset {@code index}, appended and flushed as soon as the case is done, so that a
 * run killed at any point can be resumed. On resume, the cases already in the file are the ones
 * done; a last line cut off by the kill is dropped (that case is simply run again). Thread-safe.
 */
final class ResultsLog implements AutoCloseable {

  /** The per-case results file name inside a batch output folder. */
  static final String FILE_NAME = "cases.jsonl";

  private static final Gson GSON = new Gson();

  private final Path file;
  private final Map<Integer, JsonObject> done;
  private final BufferedWriter writer;

  private ResultsLog(Path file, Map<Integer, JsonObject> done, BufferedWriter writer) {
    this.file = file;
    this.done = done;
    this.writer = writer;
  }

  /**
   * Opens {@code folder/cases.jsonl}. An existing file is an error unless {@code resume}; with
   * {@code resume} its complete lines are the cases already done.
   */
  static ResultsLog open(Path folder, boolean resume) throws BadInputException {
    Path file = folder.resolve(FILE_NAME);
    Map<Integer, JsonObject> done = new TreeMap<>();
    try {
      Files.createDirectories(folder);
      if (Files.exists(file)) {
        if (!resume) {
          throw new BadInputException(
              file, "exists: add --resume to continue that run, or choose another --out");
        }
        readDone(file, done);
      }
      BufferedWriter w =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new ResultsLog(file, done, w);
    } catch (IOException e) {
      throw new BadInputException(file, "cannot open (" + e.getMessage() + ")", e);
    }
  }

  private static void readDone(Path file, Map<Integer, JsonObject> done)
      throws IOException, BadInputException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonObject row;
      try {
        row = JsonParser.parseString(line).getAsJsonObject();
        row.get("index").getAsInt();
      } catch (JsonParseException | IllegalStateException | NullPointerException e) {
        if (i == lines.size() - 1) {
          break; // cut off by a kill: drop it, the case runs again
        }
        throw new BadInputException(file, "line " + (i + 1) + " is not a case result");
      }
      done.put(row.get("index").getAsInt(), row);
      kept.append(line).append('\n');
    }
    // rewrite without the dropped line, so that appended lines start on a line of their own
    Files.writeString(file, kept, StandardCharsets.UTF_8);
  }

  /** The results already in the file when it was opened, by case index. */
  Map<Integer, JsonObject> done() {
    return done;
  }

  /** Appends one case's result and flushes it to disk. */
  synchronized void append(JsonObject row) throws IOException {
    writer.write(GSON.toJson(row));
    writer.write('\n');
    writer.flush();
  }

  /** The file's path. */
  Path file() {
    return file;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
