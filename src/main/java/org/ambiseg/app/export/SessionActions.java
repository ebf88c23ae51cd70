package org.ambiseg.app.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.ambiseg.app.AppAction;
import org.ambiseg.app.ProblemReporter;
import org.ambiseg.core.BadInputException;

/**
 * File > Save session (Ctrl+S) and File > Open session (Ctrl+Shift+O): ask the chooser for a file,
 * then write the current session as JSON or read one and hand it to the app. A file that cannot be
 * read or written is reported in one line naming it; nothing else changes. Session files are a few
 * hundred bytes, so they are read and written on the calling (FX) thread.
 */
public final class SessionActions {

  /** Menu text of the save command. */
  public static final String SAVE_TEXT = "Save session\u2026";

  /** Menu text of the open command. */
  public static final String OPEN_TEXT = "Open session\u2026";

  private final ExportFileChooser chooser;
  private final Supplier<Window> owner;
  private final Supplier<Optional<SessionFile>> current;
  private final Consumer<SessionFile> open;
  private final ProblemReporter problems;

  /**
   * Actions that save what {@code current} returns (nothing when empty) and pass a session read
   * from a file to {@code open}.
   */
  public SessionActions(
      ExportFileChooser chooser,
      Supplier<Window> owner,
      Supplier<Optional<SessionFile>> current,
      Consumer<SessionFile> open,
      ProblemReporter problems) {
    this.chooser = Objects.requireNonNull(chooser, "chooser");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.current = Objects.requireNonNull(current, "current");
    this.open = Objects.requireNonNull(open, "open");
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  /** The save action. */
  public AppAction save() {
    return new AppAction(
        SAVE_TEXT, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::saveAs);
  }

  /** The open action. */
  public AppAction open() {
    return new AppAction(
        OPEN_TEXT,
        new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
        this::openChosen);
  }

  /** Asks for a target and saves the current session there; true when a file was written. */
  public boolean saveAs() {
    Optional<SessionFile> session = current.get();
    if (session.isEmpty()) {
      return false;
    }
    Optional<Path> target =
        chooser.chooseSaveTarget(owner.get(), ExportFileType.SESSION, "session");
    if (target.isEmpty()) {
      return false;
    }
    try {
      SessionJson.write(target.get(), session.get());
      return true;
    } catch (IOException e) {
      problems.report(
          "Cannot save " + target.get().getFileName(), target.get() + ": " + e.getMessage());
      return false;
    }
  }

  /** Asks for a session file and opens it; true when one was read and handed over. */
  public boolean openChosen() {
    Optional<Path> file = chooser.chooseFileToOpen(owner.get(), ExportFileType.SESSION);
    if (file.isEmpty()) {
      return false;
    }
    try {
      open.accept(SessionJson.read(file.get()));
      return true;
    } catch (BadInputException e) {
      problems.report("Cannot open " + file.get().getFileName(), e.getMessage());
      return false;
    }
  }
}
