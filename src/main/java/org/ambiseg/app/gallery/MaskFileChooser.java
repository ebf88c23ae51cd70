package org.ambiseg.app.gallery;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * How the app asks where to save a sample as a mask: a strategy so that tests can supply the path
 * (a native file dialog cannot be driven headless).
 */
@FunctionalInterface
public interface MaskFileChooser {

  /** Asks for a PNG file to write, suggesting {@code suggestedName}; empty when cancelled. */
  Optional<Path> chooseTarget(Window owner, String suggestedName);
}
