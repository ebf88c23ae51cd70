package org.ambiseg.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * How the app asks the user for an image file: a strategy so that tests can supply the path (a
 * native file dialog cannot be driven headless).
 */
@FunctionalInterface
public interface ImageFileChooser {

  /** Asks for one image file; empty when the user cancels. */
  Optional<Path> chooseImage(Window owner);
}
