package org.ambiseg.app.cases;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import org.ambiseg.app.ProblemReporter;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.io.Dataset;
import org.ambiseg.io.DatasetReaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case list of an open dataset and its intents: {@link #openDataset} opens any format that
 * {@link org.ambiseg.io.DatasetReaders} reads, in the background with progress and {@link
 * #cancelOpening() cancel}; the list is filtered by {@link #searchProperty() search} (id or
 * patient, see {@link CaseFilter}); {@link #next()} and {@link #previous()} step through the shown
 * cases and stop at the ends (no wrap-around: the first and last case stay put, and the buttons say
 * so by being disabled); the selected case is decoded in the background and published in {@link
 * #selectedCaseProperty()}, latest selection wins.
 *
 * <p>Opening indexes the dataset (no pixels are decoded: about 1 s for the 2332 slices of the LIDC
 * val.zip) and shows the list at once, the first case selected; then every case is checked once in
 * the background ({@link BackgroundCheck}, in chunks, so a selected case is loaded between chunks),
 * which fills in each case's rater count and moves cases that fail to decode to {@link #skipped()}
 * with file and problem. Only summaries stay in memory; a selected case is decoded again (about a
 * millisecond for a 128x128 LIDC slice). Cancelling while indexing keeps the previous dataset;
 * cancelling the check keeps the list with the counts found so far.
 *
 * <p>The executor must run tasks one at a time in submission order (as {@code AppExecutors.io()}
 * does): a replaced dataset is closed by a task queued behind the loads that may still use it. Call
 * every method on the FX thread.
 */
public final class CaseBrowser implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CaseBrowser.class);

  /** Status text before any dataset is opened. */
  public static final String NO_DATASET = "No dataset open";

  private final Executor io;
  private final ProblemReporter problems;

  private final ObservableList<CaseSummary> all = FXCollections.observableArrayList();
  private final FilteredList<CaseSummary> shown = new FilteredList<>(all);
  private final ObservableList<String> skipped = FXCollections.observableArrayList();
  // Read-only views made once and kept: a listener on a throw-away wrapper would be collected.
  private final ObservableList<CaseSummary> shownView =
      FXCollections.unmodifiableObservableList(shown);
  private final ObservableList<CaseSummary> allView = FXCollections.unmodifiableObservableList(all);
  private final ObservableList<String> skippedView =
      FXCollections.unmodifiableObservableList(skipped);
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final ReadOnlyObjectWrapper<CaseSummary> selected = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Case> selectedCase = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Path> datasetPath = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(NO_DATASET);
  private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
  private final IntegerBinding position;
  private final BooleanBinding hasNext;
  private final BooleanBinding hasPrevious;

  private OpenTask pendingOpen;
  private BackgroundCheck check;
  private Task<Case> pendingLoad;

  /**
   * A browser that reads on {@code io} and reports datasets that cannot be opened to {@code
   * problems}.
   */
  public CaseBrowser(Executor io, ProblemReporter problems) {
    this.io = Objects.requireNonNull(io, "io");
    this.problems = Objects.requireNonNull(problems, "problems");
    position = Bindings.createIntegerBinding(() -> shown.indexOf(selected.get()), selected, shown);
    hasNext =
        Bindings.createBooleanBinding(
            () -> !shown.isEmpty() && position.get() < shown.size() - 1, position, shown);
    hasPrevious = Bindings.createBooleanBinding(() -> position.get() > 0, position);
    search.addListener((obs, old, now) -> applySearch(now));
  }

  /** The cases shown: the dataset's checked cases that match the search, in dataset order. */
  public ObservableList<CaseSummary> cases() {
    return shownView;
  }

  /** All checked cases of the open dataset, whatever the search. */
  public ObservableList<CaseSummary> allCases() {
    return allView;
  }

  /** What was left out of the open dataset, one line each: "file: problem". */
  public ObservableList<String> skipped() {
    return skippedView;
  }

  /** The search text; see {@link CaseFilter}. */
  public StringProperty searchProperty() {
    return search;
  }

  /** The selected case's summary; null when nothing is selected. */
  public ReadOnlyObjectProperty<CaseSummary> selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  /** The selected case, decoded; null until it has been read, and when nothing is selected. */
  public ReadOnlyObjectProperty<Case> selectedCaseProperty() {
    return selectedCase.getReadOnlyProperty();
  }

  /** The open dataset; null when none. Owned by this browser: do not close it. */
  public ReadOnlyObjectProperty<Dataset> datasetProperty() {
    return dataset.getReadOnlyProperty();
  }

  /** The file or folder of the open dataset; null when none. */
  public ReadOnlyObjectProperty<Path> datasetPathProperty() {
    return datasetPath.getReadOnlyProperty();
  }

  /** One line: what is open, or what is being opened. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** True while a dataset is being opened or its cases checked. */
  public ReadOnlyBooleanProperty openingProperty() {
    return opening.getReadOnlyProperty();
  }

  /** Progress in [0, 1] of the check, or -1 while the dataset is indexed. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Position of the selected case among the shown cases (0-based); -1 when not shown. */
  public IntegerBinding positionProperty() {
    return position;
  }

  /** True when {@link #next()} would move. */
  public BooleanBinding hasNextProperty() {
    return hasNext;
  }

  /** True when {@link #previous()} would move. */
  public BooleanBinding hasPreviousProperty() {
    return hasPrevious;
  }

  /**
   * Opens the dataset at {@code path} in the background, replacing the open one when indexed; a
   * dataset still being opened or checked is cancelled.
   */
  public void openDataset(Path path) {
    Objects.requireNonNull(path, "path");
    requireFxThread();
    cancelOpening();
    OpenTask task = new OpenTask(path);
    pendingOpen = task;
    task.setOnSucceeded(e -> openSucceeded(task));
    task.setOnFailed(e -> openFailed(task));
    progress.set(-1);
    status.set("Reading " + DisplayNames.of(path) + " ...");
    opening.set(true);
    try {
      io.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("not opening {}: the app is shutting down", path);
      endOpening(NO_DATASET);
    }
  }

  /**
   * Stops the open in progress, if any: while indexing the previous dataset stays open; while
   * checking the list stays, with the rater counts found so far.
   */
  public void cancelOpening() {
    if (pendingOpen != null) {
      OpenTask task = pendingOpen;
      task.cancel();
      endOpening("Opening " + DisplayNames.of(task.path) + " cancelled");
    } else if (check != null) {
      check.cancel();
      check = null;
      endOpening(summaryLine() + " (check of the cases cancelled)");
    }
  }

  /**
   * Selects {@code summary} (one of {@link #allCases()}) and reads its case in the background; the
   * same case again (even with its counts filled in since) is not read again.
   */
  public void select(CaseSummary summary) {
    requireFxThread();
    CaseSummary current = selected.get();
    if (summary != null && current != null && summary.index() == current.index()) {
      selected.set(summary);
      return;
    }
    if (summary == null && current == null) {
      return;
    }
    selected.set(summary);
    selectedCase.set(null);
    if (pendingLoad != null) {
      pendingLoad.cancel();
      pendingLoad = null;
    }
    if (summary != null) {
      load(dataset.get(), summary);
    }
  }

  /** Selects the next shown case; stays on the last one. */
  public void next() {
    if (shown.isEmpty()) {
      return;
    }
    int p = position.get();
    if (p < 0) {
      select(shown.get(0));
    } else if (p < shown.size() - 1) {
      select(shown.get(p + 1));
    }
  }

  /** Selects the previous shown case; stays on the first one. */
  public void previous() {
    if (shown.isEmpty()) {
      return;
    }
    int p = position.get();
    if (p < 0) {
      select(shown.get(0));
    } else if (p > 0) {
      select(shown.get(p - 1));
    }
  }

  /** Cancels background work and closes the open dataset (behind any work still queued). */
  @Override
  public void close() {
    cancelOpening();
    if (pendingLoad != null) {
      pendingLoad.cancel();
      pendingLoad = null;
    }
    Dataset d = dataset.get();
    dataset.set(null);
    closeLater(d);
  }

  private void applySearch(String query) {
    shown.setPredicate(s -> CaseFilter.matches(s, query));
    CaseSummary current = selected.get();
    if (!shown.isEmpty() && (current == null || !shown.contains(current))) {
      select(shown.get(0));
    }
  }

  private void load(Dataset from, CaseSummary summary) {
    Task<Case> task =
        new Task<>() {
          @Override
          protected Case call() throws BadInputException {
            return from.load(summary.index());
          }
        };
    pendingLoad = task;
    task.setOnSucceeded(
        e -> {
          if (task == pendingLoad) {
            pendingLoad = null;
            selectedCase.set(task.getValue());
          }
        });
    task.setOnFailed(
        e -> {
          if (task == pendingLoad) {
            pendingLoad = null;
            report("Could not open case " + summary.id(), summary.id(), task.getException());
          }
        });
    try {
      io.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("not loading {}: the app is shutting down", summary.id());
    }
  }

  private void openSucceeded(OpenTask task) {
    Dataset opened = task.getValue();
    if (task != pendingOpen) {
      closeLater(opened);
      return;
    }
    pendingOpen = null;
    Dataset old = dataset.get();
    dataset.set(opened);
    datasetPath.set(task.path);
    selected.set(null);
    selectedCase.set(null);
    all.setAll(DatasetScan.unchecked(opened));
    skipped.setAll(opened.problems());
    search.set("");
    applySearch("");
    closeLater(old);
    progress.set(0);
    status.set(summaryLine() + ", checking ...");
    check = new BackgroundCheck(opened, io, this::checked);
    check.start();
  }

  /** Applies one checked chunk: fills in counts, moves failed cases to the skipped list. */
  private void checked(BackgroundCheck.Chunk chunk) {
    for (CaseSummary s : chunk.result().cases()) {
      int pos = positionOf(s.index());
      if (pos >= 0) {
        all.set(pos, s);
        CaseSummary current = selected.get();
        if (current != null && current.index() == s.index()) {
          selected.set(s);
        }
      }
    }
    for (int index : chunk.result().failed()) {
      int pos = positionOf(index);
      if (pos >= 0) {
        CaseSummary gone = all.remove(pos);
        if (gone.equals(selected.get())) {
          select(shown.isEmpty() ? null : shown.get(0));
        }
      }
    }
    skipped.addAll(chunk.result().skipped());
    progress.set(chunk.total() == 0 ? 1 : (double) chunk.done() / chunk.total());
    if (!chunk.last()) {
      status.set(summaryLine() + ", checked " + chunk.done() + " of " + chunk.total() + " ...");
      return;
    }
    check = null;
    endOpening(summaryLine());
    if (all.isEmpty() && !skipped.isEmpty()) {
      problems.report("No case of " + dataset.get().name() + " could be opened", skipped.get(0));
    }
  }

  /** Position in {@link #all} of the case with dataset index {@code index}; -1 when not there. */
  private int positionOf(int index) {
    int lo = 0;
    int hi = all.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int at = all.get(mid).index();
      if (at < index) {
        lo = mid + 1;
      } else if (at > index) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** "name — N cases, K skipped". */
  private String summaryLine() {
    Dataset d = dataset.get();
    if (d == null) {
      return NO_DATASET;
    }
    return d.name()
        + " \u2014 "
        + all.size()
        + (all.size() == 1 ? " case" : " cases")
        + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped");
  }

  private void openFailed(OpenTask task) {
    if (task != pendingOpen) {
      return;
    }
    endOpening("Could not open " + DisplayNames.of(task.path));
    report(
        "Could not open " + DisplayNames.of(task.path), task.path.toString(), task.getException());
  }

  private void endOpening(String message) {
    pendingOpen = null;
    progress.set(0);
    opening.set(false);
    status.set(message);
  }

  private void report(String headline, String source, Throwable error) {
    String message;
    if (error instanceof BadInputException bad) {
      message = bad.getMessage();
    } else {
      LOG.error("unexpected error while reading {}", source, error);
      message = source + ": unexpected error (" + (error == null ? "unknown" : error) + ")";
    }
    problems.report(headline, message);
  }

  private void closeLater(Dataset d) {
    if (d == null) {
      return;
    }
    try {
      io.execute(d::close);
    } catch (RejectedExecutionException e) {
      d.close();
    }
  }

  private static void requireFxThread() {
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException("call the case browser on the JavaFX thread");
    }
  }

  /** Indexes one dataset (no pixels decoded). */
  private static final class OpenTask extends Task<Dataset> {

    private final Path path;

    OpenTask(Path path) {
      this.path = path;
    }

    @Override
    protected Dataset call() throws BadInputException {
      Dataset d = DatasetReaders.open(path);
      if (isCancelled()) {
        d.close();
        return null;
      }
      return d;
    }
  }
}
