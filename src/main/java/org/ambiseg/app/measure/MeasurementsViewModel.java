package org.ambiseg.app.measure;

import java.util.List;
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
import javafx.beans.value.ObservableValue;
import org.ambiseg.core.Case;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.PixelSpacing;
import org.ambiseg.core.SampleSet;
import org.ambiseg.metrics.SampleMeasurements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the measurements panel: follows a sample set and its case, and measures the area and
 * longest diameter of every sample and every rater mask of the case ({@link SampleMeasurements}) on
 * a background executor, in mm when the case's image carries a pixel spacing. Latest wins: a result
 * is published only if no newer sample set or case arrived meanwhile. Use it on the JavaFX thread.
 */
public final class MeasurementsViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(MeasurementsViewModel.class);

  /** Status when no sample set is there. */
  public static final String NO_SAMPLES = "No samples yet";

  private final ObservableValue<SampleSet> samples;
  private final ObservableValue<Case> currentCase;
  private final Executor executor;
  private final ReadOnlyObjectWrapper<SampleMeasurements> measurements =
      new ReadOnlyObjectWrapper<>(this, "measurements");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyStringWrapper status =
      new ReadOnlyStringWrapper(this, "status", NO_SAMPLES);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private long generation;

  /**
   * Follows {@code samples} and {@code currentCase} (either may be null; the case gives the pixel
   * spacing and the rater masks); measuring runs on {@code executor} (no model work: not the model
   * thread).
   */
  public MeasurementsViewModel(
      ObservableValue<SampleSet> samples, ObservableValue<Case> currentCase, Executor executor) {
    this.samples = Objects.requireNonNull(samples, "samples");
    this.currentCase = Objects.requireNonNull(currentCase, "currentCase");
    this.executor = Objects.requireNonNull(executor, "executor");
    samples.addListener((obs, old, now) -> remeasure());
    currentCase.addListener((obs, old, now) -> remeasure());
    remeasure();
  }

  /** The measures of the current samples and raters; null while there are no samples. */
  public ReadOnlyObjectProperty<SampleMeasurements> measurementsProperty() {
    return measurements.getReadOnlyProperty();
  }

  /** One {@link MeasureText#summary} line per {@link MeasureKind}; empty without samples. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** What is missing or going on, e.g. {@link #NO_SAMPLES}; empty when measures are shown. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** True while measuring. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  private void remeasure() {
    long request = ++generation;
    SampleSet set = samples.getValue();
    Case c = currentCase.getValue();
    if (set == null) {
      busy.set(false);
      show(null);
      return;
    }
    List<LabelMask> raters = c == null ? List.of() : c.raters();
    Optional<PixelSpacing> spacing = c == null ? Optional.empty() : c.image().spacing();
    busy.set(true);
    try {
      executor.execute(() -> measure(request, set, raters, spacing));
    } catch (RejectedExecutionException e) {
      LOG.debug("measurements not computed: the app is shutting down");
      busy.set(false);
    }
  }

  private void measure(
      long request, SampleSet set, List<LabelMask> raters, Optional<PixelSpacing> spacing) {
    try {
      SampleMeasurements m = SampleMeasurements.of(set, raters, spacing);
      Platform.runLater(() -> publish(request, m));
    } catch (RuntimeException e) {
      LOG.warn("measuring the samples failed", e);
      Platform.runLater(() -> fail(request, e));
    }
  }

  private void publish(long request, SampleMeasurements m) {
    if (request == generation) {
      busy.set(false);
      show(m);
    }
  }

  private void fail(long request, RuntimeException e) {
    if (request == generation) {
      busy.set(false);
      show(null);
      status.set("Measuring failed: " + e.getMessage());
    }
  }

  private void show(SampleMeasurements m) {
    measurements.set(m);
    if (m == null) {
      summary.set("");
      status.set(NO_SAMPLES);
    } else {
      summary.set(
          MeasureText.summary(MeasureKind.AREA, m)
              + "\n"
              + MeasureText.summary(MeasureKind.DIAMETER, m));
      status.set("");
    }
  }
}
