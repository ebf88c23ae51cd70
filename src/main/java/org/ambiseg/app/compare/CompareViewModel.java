package org.ambiseg.app.compare;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.app.session.ModelEntry;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Case;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view-model of the compare view: a case, N and a seed shared by every column, and a list of
 * {@link CompareColumn}s, one per chosen estimator, each sampled and scored on that case. Intents:
 * {@link #add}, {@link #remove}, {@link #cancel}, {@link #refresh}; changing the case, N or seed
 * computes every column again. {@link #follow} keeps the case, N and seed equal to the viewer's.
 *
 * <p>Threading: call everything on the FX thread. Each column opens its estimator once, on the one
 * model thread, and keeps it until the column is removed or the view-model closed; columns are
 * computed one after another on that thread. Per column the latest request wins: a queued request
 * that was superseded or cancelled is skipped, a stale result is dropped. A column whose model
 * fails to open shows the error; the other columns still run.
 */
public final class CompareViewModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CompareViewModel.class);

  /** Sample overlays each column shows (the first samples). */
  public static final int TILES = 8;

  private final ExecutorService modelThread;
  private final ColumnOpener opener;
  private final List<EstimatorChoice> choices;
  private final ObjectProperty<Case> currentCase = new SimpleObjectProperty<>(this, "case");
  private final IntegerProperty sampleCount =
      new SimpleIntegerProperty(this, "sampleCount", CaseSession.DEFAULT_SAMPLE_COUNT);
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
  private final ObservableList<CompareColumn> columns = FXCollections.observableArrayList();
  private final ObservableList<CompareColumn> readOnlyColumns =
      FXCollections.unmodifiableObservableList(columns);
  private CaseSession followed;
  private boolean closed;

  /**
   * A view-model that runs model work on {@code modelThread}, opens estimators with {@code opener}
   * and offers every {@link EstimatorChoice} of {@code models}.
   */
  public CompareViewModel(
      ExecutorService modelThread, ColumnOpener opener, List<ModelEntry> models) {
    this.modelThread = Objects.requireNonNull(modelThread, "modelThread");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.choices = EstimatorChoice.offered(models);
    currentCase.addListener((obs, old, now) -> refresh());
    sampleCount.addListener((obs, old, now) -> refresh());
    seed.addListener((obs, old, now) -> refresh());
  }

  /** The case every column samples; null when none. */
  public ObjectProperty<Case> caseProperty() {
    return currentCase;
  }

  /** N, the number of samples every column draws. */
  public IntegerProperty sampleCountProperty() {
    return sampleCount;
  }

  /** The seed every column samples with. */
  public LongProperty seedProperty() {
    return seed;
  }

  /** The columns, in the order they were added. */
  public ObservableList<CompareColumn> columns() {
    return readOnlyColumns;
  }

  /** The estimators that can be added: each model's default, and TTA where the model allows it. */
  public List<EstimatorChoice> choices() {
    return choices;
  }

  /**
   * Keeps the case, N and seed bound to {@code session}'s and, when there are no columns yet, adds
   * the session's current model as the first column.
   */
  public void follow(CaseSession session) {
    checkFxThread();
    unfollow();
    followed = Objects.requireNonNull(session, "session");
    currentCase.bind(session.caseProperty());
    sampleCount.bind(session.sampleCountProperty());
    seed.bind(session.seedProperty());
    ModelEntry model = session.modelProperty().get();
    if (columns.isEmpty() && model != null) {
      add(EstimatorChoice.defaultOf(model));
    }
  }

  /** Adds a column for {@code choice} and computes it on the current case. */
  public CompareColumn add(EstimatorChoice choice) {
    checkFxThread();
    CompareColumn column = new CompareColumn(choice);
    columns.add(column);
    request(column);
    return column;
  }

  /** Removes {@code column}; its estimator is closed on the model thread after the queued work. */
  public void remove(CompareColumn column) {
    checkFxThread();
    if (columns.remove(column)) {
      retire(column);
    }
  }

  /** Samples every column again on the current case, N and seed. */
  public void refresh() {
    checkFxThread();
    for (CompareColumn c : columns) {
      request(c);
    }
  }

  /** Stops every queued or running request; the columns keep no result until the next refresh. */
  public void cancel() {
    checkFxThread();
    for (CompareColumn c : columns) {
      if (c.busyProperty().get()) {
        c.nextRequest();
        c.setBusy(false);
        c.setStatus("Cancelled");
      }
    }
  }

  /** Drops every column and closes its estimator on the model thread; stops following. */
  @Override
  public void close() {
    checkFxThread();
    unfollow();
    closed = true;
    for (CompareColumn c : List.copyOf(columns)) {
      columns.remove(c);
      retire(c);
    }
  }

  private void unfollow() {
    if (followed != null) {
      currentCase.unbind();
      sampleCount.unbind();
      seed.unbind();
      followed = null;
    }
  }

  private void retire(CompareColumn column) {
    column.nextRequest();
    column.setBusy(false);
    submit(column::closeEstimator);
  }

  private void request(CompareColumn column) {
    long id = column.nextRequest();
    column.clearResult();
    Case c = currentCase.get();
    if (c == null || closed) {
      column.setBusy(false);
      column.setStatus("No case open");
      return;
    }
    int n = sampleCount.get();
    long s = seed.get();
    column.setBusy(true);
    column.setStatus("Waiting for the model thread ...");
    submit(() -> compute(column, id, c, n, s));
  }

  /** Runs on the model thread. */
  private void compute(CompareColumn column, long id, Case c, int n, long s) {
    if (!column.isCurrent(id)) {
      return; // superseded or cancelled before it started
    }
    if (column.openFailure() != null) {
      String message = column.openFailure();
      Platform.runLater(() -> fail(column, id, message));
      return; // the model failed to open before: not tried again
    }
    Estimator estimator;
    try {
      if (!column.opened()) {
        progress(column, id, "Opening " + column.choice().model().name() + " ...");
      }
      estimator = column.estimator(opener);
    } catch (BadInputException | RuntimeException e) {
      String message = problem(column, e);
      column.openFailed(message);
      Platform.runLater(() -> fail(column, id, message));
      return;
    }
    progress(column, id, "Sampling " + n + " ...");
    long start = System.nanoTime();
    ColumnResult result;
    try {
      SampleSet samples = estimator.sample(c.image(), n, s);
      if (!column.isCurrent(id)) {
        return;
      }
      progress(column, id, "Scoring " + n + " samples ...");
      long ms = (System.nanoTime() - start) / 1_000_000;
      result = ColumnResult.of(c, samples, TILES, ms);
    } catch (RuntimeException e) {
      LOG.info("cannot sample case {} with {}: {}", c.id(), column.choice(), e.toString());
      String message = "Cannot sample " + c.id() + ": " + e.getMessage();
      Platform.runLater(() -> fail(column, id, message));
      return;
    }
    Platform.runLater(() -> publish(column, id, result));
  }

  private static String problem(CompareColumn column, Exception e) {
    LOG.info("cannot open {}: {}", column.choice(), e.toString());
    if (e instanceof BadInputException) {
      return "Could not open the model: " + e.getMessage();
    }
    return "Could not open the model: " + (e.getMessage() == null ? e.toString() : e.getMessage());
  }

  private void progress(CompareColumn column, long id, String text) {
    Platform.runLater(
        () -> {
          if (column.isCurrent(id)) {
            column.setStatus(text);
          }
        });
  }

  private void publish(CompareColumn column, long id, ColumnResult result) {
    if (!column.isCurrent(id)) {
      return;
    }
    column.showResult(result);
    column.setBusy(false);
    column.setStatus(result.samples().size() + " samples in " + result.millis() + " ms");
  }

  private void fail(CompareColumn column, long id, String message) {
    if (!column.isCurrent(id)) {
      return;
    }
    column.showError(message);
    column.setBusy(false);
    column.setStatus("Failed");
  }

  private void submit(Runnable work) {
    try {
      modelThread.execute(work);
    } catch (RejectedExecutionException e) {
      LOG.debug("model thread stopped; compare work dropped");
    }
  }

  private static void checkFxThread() {
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException("call the compare view-model on the JavaFX thread");
    }
  }
}
