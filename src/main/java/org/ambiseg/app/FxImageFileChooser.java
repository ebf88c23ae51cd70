package org.ambiseg.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real {@link ImageFileChooser}: a JavaFX file dialog that remembers the last folder. */
public final class FxImageFileChooser implements ImageFileChooser {

  private Path lastFolder;

  @Override
  public Optional<Path> chooseImage(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open image");
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                "Images (png, tif, bmp, jpg, dcm)", ImageFormats.globs()),
            new FileChooser.ExtensionFilter("All files", "*"));
    if (lastFolder != null && Files.isDirectory(lastFolder)) {
      chooser.setInitialDirectory(lastFolder.toFile());
    }
    File file = chooser.showOpenDialog(owner);
    if (file == null) {
      return Optional.empty();
    }
    Path path = file.toPath();
    lastFolder = path.toAbsolutePath().getParent();
    return Optional.of(path);
  }
}
