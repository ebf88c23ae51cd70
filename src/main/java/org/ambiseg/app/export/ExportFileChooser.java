package org.ambiseg.app.export;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * How the export and session actions ask the user for a file: a strategy so that tests can supply
 * the path (a native file dialog cannot be driven headless). {@link FxExportFileChooser} is the
 * real one.
 */
public interface ExportFileChooser {

  /**
   * Asks where to save a file of {@code type}, proposing {@code suggestedName}; empty when the user
   * cancels. The returned name ends in the type's extension.
   */
  Optional<Path> chooseSaveTarget(Window owner, ExportFileType type, String suggestedName);

  /** Asks for an existing file of {@code type} to open; empty when the user cancels. */
  Optional<Path> chooseFileToOpen(Window owner, ExportFileType type);
}
