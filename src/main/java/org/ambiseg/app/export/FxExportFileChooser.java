package org.ambiseg.app.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real {@link ExportFileChooser}: JavaFX file dialogs that remember the last folder. */
public final class FxExportFileChooser implements ExportFileChooser {

  private Path lastFolder;

  @Override
  public Optional<Path> chooseSaveTarget(Window owner, ExportFileType type, String suggestedName) {
    FileChooser chooser = chooser("Save " + type.description(), type);
    chooser.setInitialFileName(type.withExtension(suggestedName));
    return remember(chooser.showSaveDialog(owner))
        .map(p -> p.resolveSibling(type.withExtension(p.getFileName().toString())));
  }

  @Override
  public Optional<Path> chooseFileToOpen(Window owner, ExportFileType type) {
    return remember(chooser("Open " + type.description(), type).showOpenDialog(owner));
  }

  private FileChooser chooser(String title, ExportFileType type) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(type.description(), "*" + type.extension()),
            new FileChooser.ExtensionFilter("All files", "*"));
    if (lastFolder != null && Files.isDirectory(lastFolder)) {
      chooser.setInitialDirectory(lastFolder.toFile());
    }
    return chooser;
  }

  private Optional<Path> remember(File file) {
    if (file == null) {
      return Optional.empty();
    }
    Path path = file.toPath();
    lastFolder = path.toAbsolutePath().getParent();
    return Optional.of(path);
  }
}
