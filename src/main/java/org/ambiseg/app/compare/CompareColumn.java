package org.ambiseg.app.compare;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ambiseg.core.BadInputException;
import org.ambiseg.estimate.Estimator;

/**
 * One column of the compare view: the chosen estimator, its progress, and its result or error for
 * the current case. The properties change on the FX thread only (set by {@link CompareViewModel});
 * the estimator itself is opened, used and closed on the model thread only.
 */
public final class CompareColumn {

  private final EstimatorChoice choice;
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyObjectWrapper<ColumnResult> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final AtomicLong latest = new AtomicLong();

  // model thread only
  private Estimator estimator;
  private String openFailure;

  CompareColumn(EstimatorChoice choice) {
    this.choice = Objects.requireNonNull(choice, "choice");
  }

  /** The model and estimator kind this column shows. */
  public EstimatorChoice choice() {
    return choice;
  }

  /** Progress in one line: "Opening model ...", "Sampling 16 ...", "16 samples in 840 ms". */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Why this column has no result (the model did not open, sampling failed); empty if none. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The samples and metrics of the current case; null while computing or on error. */
  public ReadOnlyObjectProperty<ColumnResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** True while a request for this column is queued or running. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Starts a new request and returns its id; every older request is stale from now on. */
  long nextRequest() {
    return latest.incrementAndGet();
  }

  /** True while {@code id} is the newest request. */
  boolean isCurrent(long id) {
    return latest.get() == id;
  }

  void setStatus(String text) {
    status.set(text);
  }

  void setBusy(boolean value) {
    busy.set(value);
  }

  void showResult(ColumnResult r) {
    error.set("");
    result.set(r);
  }

  void showError(String message) {
    result.set(null);
    error.set(message);
  }

  void clearResult() {
    result.set(null);
  }

  /** The open estimator, opening it with {@code opener} on first use. Model thread only. */
  Estimator estimator(ColumnOpener opener) throws BadInputException {
    if (estimator == null) {
      estimator = opener.open(choice);
    }
    return estimator;
  }

  /** True when the estimator is open already. Model thread only. */
  boolean opened() {
    return estimator != null;
  }

  /** Why the model failed to open, so it is not tried again; null if it did not fail. */
  String openFailure() {
    return openFailure;
  }

  /** Remembers that the model failed to open, and why. Model thread only. */
  void openFailed(String problem) {
    openFailure = problem;
  }

  /** Closes the estimator if it is open. Model thread only. */
  void closeEstimator() {
    if (estimator != null) {
      estimator.close();
      estimator = null;
    }
  }
}
