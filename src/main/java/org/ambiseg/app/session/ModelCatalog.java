package org.ambiseg.app.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.ambiseg.core.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the models the app can open: every sub-folder holding a model.json under the shipped {@code
 * models/} folder (next to the working directory) and the user's {@code ~/.ambiseg/models}.
 */
public final class ModelCatalog {

  private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);

  /** Name of the model the app opens first when it is there. */
  public static final String DEFAULT_MODEL = "probunet-shapes";

  private ModelCatalog() {}

  /** The shipped models folder and the user's models folder, in that order. */
  public static List<Path> defaultRoots() {
    return List.of(
        Path.of("models"), Path.of(System.getProperty("user.home"), ".ambiseg", "models"));
  }

  /**
   * The models under {@code roots}, each root's sorted by folder name; a missing root is skipped, a
   * folder whose model.json cannot be read is logged and left out.
   */
  public static List<ModelEntry> scan(List<Path> roots) {
    List<ModelEntry> out = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> dirs = Files.list(root)) {
        for (Path dir :
            dirs.filter(d -> Files.isRegularFile(d.resolve("model.json"))).sorted().toList()) {
          try {
            out.add(ModelEntry.read(dir));
          } catch (BadInputException e) {
            LOG.warn("leaving out model {}: {}", dir, e.getMessage());
          }
        }
      } catch (IOException e) {
        LOG.warn("cannot list models in {}: {}", root, e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  /** The model named {@link #DEFAULT_MODEL} if present, else the first one. */
  public static Optional<ModelEntry> defaultModel(List<ModelEntry> models) {
    return models.stream()
        .filter(
            m ->
                m.dir().getFileName() != null
                    && m.dir().getFileName().toString().equals(DEFAULT_MODEL))
        .findFirst()
        .or(() -> models.stream().findFirst());
  }
}
