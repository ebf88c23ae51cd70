package org.ambiseg.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * How the app asks the user for a dataset: a folder (folder layout) or a file (LIDC zip or pickle,
 * ISIC zip). A strategy so that tests can supply the path.
 */
public interface DatasetChooser {

  /** Asks for a dataset folder; empty when the user cancels. */
  Optional<Path> chooseFolder(Window owner);

  /** Asks for a dataset file (zip or pickle); empty when the user cancels. */
  Optional<Path> chooseFile(Window owner);
}
