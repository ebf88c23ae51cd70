package org.ambiseg.app.gallery;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real {@link MaskFileChooser}: a JavaFX save dialog for PNG files. */
public final class FxMaskFileChooser implements MaskFileChooser {

  @Override
  public Optional<Path> chooseTarget(Window owner, String suggestedName) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Save this sample as mask");
    chooser.setInitialFileName(suggestedName);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG mask", "*.png"));
    File file = chooser.showSaveDialog(owner);
    return Optional.ofNullable(file).map(File::toPath);
  }
}
