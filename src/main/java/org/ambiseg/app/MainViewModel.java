package org.ambiseg.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import org.ambiseg.app.session.CaseFiles;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.DicomImage;
import org.ambiseg.io.ImageReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and intents of the main window: which image is open, the status line, and {@link
 * #openImage(Path)}, which reads the file on a background thread. The latest request wins: opening
 * a second file while the first is still being read cancels the first, and a stale result is never
 * published. Call the intent methods on the FX thread.
 */
public final class MainViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

  /** Status text when nothing is being read and nothing is open. */
  public static final String READY = "Open an image: File > Open image... or drop a file here";

  private final Executor reader;
  private final ProblemReporter problems;

  private final ReadOnlyObjectWrapper<Image2D> currentImage = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Image> displayImage = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Path> currentFile = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Case> currentCase = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<LoadedImage> loaded = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(READY);
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();

  private Task<LoadedImage> pending;

  /**
   * A view-model that reads files on {@code reader} and reports unreadable files to {@code
   * problems}.
   */
  public MainViewModel(Executor reader, ProblemReporter problems) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  /** The pixel values of the open image; null when none is open. */
  public ReadOnlyObjectProperty<Image2D> currentImageProperty() {
    return currentImage.getReadOnlyProperty();
  }

  /** The rendered open image, as shown on screen; null when none is open. */
  public ReadOnlyObjectProperty<Image> displayImageProperty() {
    return displayImage.getReadOnlyProperty();
  }

  /** The file of the open image; null when none is open. */
  public ReadOnlyObjectProperty<Path> currentFileProperty() {
    return currentFile.getReadOnlyProperty();
  }

  /**
   * The open file as a case (with its rater masks when the file is an image of a dataset folder);
   * null when none is open.
   */
  public ReadOnlyObjectProperty<Case> currentCaseProperty() {
    return currentCase.getReadOnlyProperty();
  }

  /** The last file read, with its case and (for DICOM) its modality values; null before any. */
  public ReadOnlyObjectProperty<LoadedImage> loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** One line saying what the app is doing or what is open. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** True while a file is being read. */
  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /**
   * Reads {@code file} in the background and, when done, makes it the open image; an unreadable
   * file is reported and the previous image stays open.
   */
  public void openImage(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException("openImage must be called on the JavaFX thread");
    }
    if (pending != null) {
      pending.cancel();
    }
    Task<LoadedImage> task = readTask(file);
    pending = task;
    task.setOnSucceeded(e -> finish(task, () -> publish(task.getValue())));
    task.setOnFailed(e -> finish(task, () -> fail(file, task.getException())));
    status.set("Reading " + name(file) + " ...");
    loading.set(true);
    try {
      reader.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("not reading {}: the app is shutting down", file);
      pending = null;
      loading.set(false);
    }
  }

  private static Task<LoadedImage> readTask(Path file) {
    return new Task<>() {
      @Override
      protected LoadedImage call() throws BadInputException {
        Optional<DicomImage> dicom =
            isDicomName(file) ? Optional.of(ImageReader.readDicom(file)) : Optional.empty();
        Image2D image = dicom.isPresent() ? dicom.get().toImage() : ImageReader.readImage(file);
        if (isCancelled()) {
          return null;
        }
        Case opened = CaseFiles.caseFor(file, image);
        if (isCancelled()) {
          return null;
        }
        return new LoadedImage(
            file, opened.image(), ImageRenderer.render(opened.image()), opened, dicom);
      }
    };
  }

  private static boolean isDicomName(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dcm");
  }

  /** Runs {@code publishStep} only if {@code task} is still the newest request. */
  private void finish(Task<LoadedImage> task, Runnable publishStep) {
    if (task != pending) {
      return;
    }
    pending = null;
    loading.set(false);
    publishStep.run();
  }

  /**
   * Notes in the status line that case {@code c} of the dataset at {@code dataset} is shown (it
   * does not come through {@link #openImage}), e.g. "case-7 from lidc.zip \u2014 128 \u00d7 128, 4
   * raters".
   */
  public void datasetCaseShown(Case c, Path dataset) {
    int raters = c.raters().size();
    status.set(
        c.id()
            + " from "
            + name(dataset)
            + " \u2014 "
            + size(c.image())
            + ", "
            + raters
            + (raters == 1 ? " rater" : " raters"));
  }

  private void publish(LoadedImage loaded) {
    currentImage.set(loaded.image());
    displayImage.set(loaded.picture());
    currentFile.set(loaded.file());
    currentCase.set(loaded.opened());
    this.loaded.set(loaded);
    Image2D img = loaded.image();
    status.set(
        name(loaded.file()) + " \u2014 " + size(img) + (img.channels() == 1 ? ", grey" : ", RGB"));
  }

  /** "W \u00d7 H" of an image, for the status line. */
  private static String size(Image2D img) {
    return img.width() + " \u00d7 " + img.height();
  }

  private void fail(Path file, Throwable error) {
    String message;
    if (error instanceof BadInputException bad) {
      message = bad.getMessage();
    } else {
      LOG.error("unexpected error while reading {}", file, error);
      String detail = error == null ? "unknown error" : String.valueOf(error.getMessage());
      message = file + ": unexpected error (" + detail + ")";
    }
    status.set("Could not open " + name(file));
    problems.report("Could not open " + name(file), message);
  }

  private static String name(Path file) {
    Path n = file.getFileName();
    return n == null ? file.toString() : n.toString();
  }
}
