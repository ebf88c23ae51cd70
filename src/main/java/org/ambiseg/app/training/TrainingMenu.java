package org.ambiseg.app.training;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.ambiseg.app.AlertProblemReporter;

/**
 * The main window's Train menu: "New training..." opens the training dashboard (one window; a
 * second click brings it to the front).
 */
public final class TrainingMenu {

  /** Text of the menu item that opens the dashboard. */
  public static final String NEW_TRAINING_TEXT = "New training\u2026";

  private final Executor io;
  private final Consumer<Path> openModelInViewer;
  private final Path runsFolder;
  private TrainingWindow window;

  /**
   * A menu whose dashboard reads files on {@code io}, keeps runs in {@code runsFolder} and opens
   * finished models with {@code openModelInViewer} (null: no viewer, the open buttons are absent).
   */
  public TrainingMenu(Executor io, Consumer<Path> openModelInViewer, Path runsFolder) {
    this.io = io;
    this.openModelInViewer = openModelInViewer;
    this.runsFolder = runsFolder;
  }

  /** The Train menu. */
  public Menu menu() {
    MenuItem item = new MenuItem(NEW_TRAINING_TEXT);
    item.setId("new-training");
    item.setOnAction(e -> open());
    return new Menu("Train", null, item);
  }

  /** Opens the dashboard, or brings it to the front when already open. */
  public TrainingWindow open() {
    if (window == null) {
      TrainingViewModel model =
          new TrainingViewModel(
              io,
              new AlertProblemReporter(() -> window == null ? null : window.stage()),
              openModelInViewer,
              runsFolder);
      window = new TrainingWindow(model);
    }
    window.show();
    window.stage().toFront();
    return window;
  }
}
