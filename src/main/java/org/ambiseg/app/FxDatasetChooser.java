package org.ambiseg.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The native dialogs for choosing a dataset folder or dataset file. */
public final class FxDatasetChooser implements DatasetChooser {

  @Override
  public Optional<Path> chooseFolder(Window owner) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open dataset folder");
    return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseFile(Window owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open dataset file");
    chooser
        .getExtensionFilters()
        .add(
            new FileChooser.ExtensionFilter(
                "Datasets (zip, pickle)", "*.zip", "*.pkl", "*.pickle"));
    return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
  }
}
