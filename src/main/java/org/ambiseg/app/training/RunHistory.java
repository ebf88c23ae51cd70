package org.ambiseg.app.training;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.ambiseg.core.BadInputException;
import org.ambiseg.train.MetricsLog;
import org.ambiseg.train.TrainingConfig;
import org.ambiseg.train.TrainingRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the runs in a runs folder (each sub-folder with a config.json, as {@code ambiseg train} and
 * the dashboard write them), newest first, with what their metrics.jsonl says about how far they
 * got and how well they did.
 */
final class RunHistory {

  private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);

  private RunHistory() {}

  /** The runs in {@code runsFolder}, newest first; an absent folder has none. */
  static List<RunSummary> list(Path runsFolder) throws IOException {
    if (!Files.isDirectory(runsFolder)) {
      return List.of();
    }
    List<Path> dirs;
    try (Stream<Path> s = Files.list(runsFolder)) {
      dirs =
          s.filter(d -> Files.isRegularFile(d.resolve(TrainingRun.CONFIG_FILE)))
              .sorted(Comparator.comparing(RunHistory::modified).reversed())
              .toList();
    }
    List<RunSummary> out = new ArrayList<>();
    for (Path d : dirs) {
      try {
        out.add(read(d));
      } catch (BadInputException | IOException e) {
        LOG.warn("skipping run {}: {}", d, e.getMessage());
      }
    }
    return out;
  }

  /** Reads one run folder. */
  static RunSummary read(Path dir) throws BadInputException, IOException {
    TrainingConfig config = TrainingRun.readConfig(dir).training();
    long lastStep = 0;
    String outcome = null;
    OptionalDouble ged = OptionalDouble.empty();
    OptionalDouble hmIou = OptionalDouble.empty();
    Path log = dir.resolve(MetricsLog.FILE);
    if (Files.isRegularFile(log)) {
      try (BufferedReader r = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          JsonObject o = parse(line);
          if (o == null || !o.has("type") || !o.has("step")) {
            continue;
          }
          lastStep = Math.max(lastStep, o.get("step").getAsLong());
          switch (o.get("type").getAsString()) {
            case "validation" -> {
              ged = value(o, "ged");
              hmIou = value(o, "hm_iou");
              outcome = null;
            }
            case "end" -> outcome = o.get("outcome").getAsString();
            default -> {
              // a step after an end record means the run was resumed
              outcome = null;
            }
          }
        }
      }
    }
    return new RunSummary(
        dir,
        config.modelType(),
        config.preset(),
        config.steps(),
        lastStep,
        Optional.ofNullable(outcome),
        ged,
        hmIou);
  }

  private static JsonObject parse(String line) {
    try {
      return JsonParser.parseString(line).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return null; // a torn last line of a crashed run
    }
  }

  private static OptionalDouble value(JsonObject o, String name) {
    return o.has(name) ? OptionalDouble.of(o.get(name).getAsDouble()) : OptionalDouble.empty();
  }

  private static long modified(Path dir) {
    try {
      return Files.getLastModifiedTime(dir.resolve(TrainingRun.CONFIG_FILE)).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
