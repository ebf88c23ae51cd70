package org.ambiseg.app.latent;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.ambiseg.app.ProblemReporter;
import org.ambiseg.app.diagnostics.LatencyRecorder;
import org.ambiseg.core.Image2D;
import org.ambiseg.estimate.Estimator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and intents of the latent panel. For a Prob U-Net: one offset per latent dimension in prior
 * standard deviations around the prior mean (z = mu + offset * sigma, offsets in [-3, 3]), reset,
 * seeded random z and a 2-D pad over two chosen dimensions. For an HPU-Net: per scale a temperature
 * and a fix-to-mean toggle, and a seed. Every change asks the model thread for a new segmentation
 * through a {@link CoalescingWorker} (latest wins, stale requests dropped); the image is encoded
 * once per image and estimator. Results are published only while their estimator and image are
 * still the current ones. Latency from a change to the first pulse after its overlay is shown goes
 * into {@link #latency()} (the view calls {@link #onPulse()} after every pulse). Use on the FX
 * thread.
 */
public final class LatentViewModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LatentViewModel.class);

  /** Slider range in prior standard deviations: offsets lie in [-RANGE, RANGE]. */
  public static final double RANGE = 3.0;

  private final ObservableValue<Estimator> estimator;
  private final ObservableValue<Image2D> image;
  private final ProblemReporter problems;
  private final LatentDecoder decoder = new LatentDecoder();
  private final CoalescingWorker<LatentRequest> worker;

  private final ReadOnlyObjectWrapper<LatentKind> kind =
      new ReadOnlyObjectWrapper<>(this, "kind", LatentKind.NONE);
  private final ObservableList<DoubleProperty> offsets = FXCollections.observableArrayList();
  // One read-only view, kept: listeners added to a throw-away wrapper would be garbage-collected.
  private final ObservableList<DoubleProperty> offsetsView =
      FXCollections.unmodifiableObservableList(offsets);
  private final ObservableList<ScaleControl> scales = FXCollections.observableArrayList();
  // One read-only view, kept: listeners added to a throw-away wrapper would be garbage-collected.
  private final ObservableList<ScaleControl> scalesView =
      FXCollections.unmodifiableObservableList(scales);
  private final IntegerProperty padXDimension = new SimpleIntegerProperty(this, "padX", 0);
  private final IntegerProperty padYDimension = new SimpleIntegerProperty(this, "padY", 1);
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
  private final ReadOnlyObjectWrapper<float[]> z = new ReadOnlyObjectWrapper<>(this, "z");
  private final ReadOnlyObjectWrapper<float[]> probability =
      new ReadOnlyObjectWrapper<>(this, "probability");
  private final ReadOnlyObjectWrapper<Image> overlay = new ReadOnlyObjectWrapper<>(this, "overlay");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private LatencyRecorder latency = new LatencyRecorder();

  /** {generation, change time} of user changes not yet shown, oldest first. */
  private final ArrayDeque<long[]> unshown = new ArrayDeque<>();

  private long generation;
  private long completedGeneration;
  private long shownChangeNanos;
  private boolean quiet;
  private boolean closed;

  /** Counts context changes, so that only the latest deferred request is made. */
  private long contextChanges;

  private boolean failedHere;

  /**
   * A view-model steering {@code estimator} on {@code image}, running all model work on {@code
   * modelThread} (the app's one model thread) and reporting decode failures to {@code problems}.
   */
  public LatentViewModel(
      ObservableValue<Estimator> estimator,
      ObservableValue<Image2D> image,
      Executor modelThread,
      ProblemReporter problems) {
    this.estimator = Objects.requireNonNull(estimator, "estimator");
    this.image = Objects.requireNonNull(image, "image");
    this.problems = Objects.requireNonNull(problems, "problems");
    this.worker = new CoalescingWorker<>(modelThread, this::handle);
    estimator.addListener((obs, old, now) -> contextChanged());
    image.addListener((obs, old, now) -> contextChanged());
    seed.addListener((obs, old, now) -> changedIfScales());
    contextChanged();
  }

  // ---- properties ------------------------------------------------------------------------------

  /** Which controls apply; NONE hides the panel. */
  public ReadOnlyObjectProperty<LatentKind> kindProperty() {
    return kind.getReadOnlyProperty();
  }

  /** Prob U-Net: one offset per latent dimension, in prior standard deviations, in [-3, 3]. */
  public ObservableList<DoubleProperty> offsets() {
    return offsetsView;
  }

  /** HPU-Net: one control per latent scale, coarsest first. */
  public ObservableList<ScaleControl> scales() {
    return scalesView;
  }

  /** The latent dimension the pad's horizontal axis moves. */
  public IntegerProperty padXDimensionProperty() {
    return padXDimension;
  }

  /** The latent dimension the pad's vertical axis moves. */
  public IntegerProperty padYDimensionProperty() {
    return padYDimension;
  }

  /** Seed of the next "Random z" (Prob U-Net) or of the drawn noise (HPU-Net). */
  public LongProperty seedProperty() {
    return seed;
  }

  /**
   * The z of the shown segmentation (Prob U-Net; null otherwise), for export stamps and sessions.
   */
  public ReadOnlyObjectProperty<float[]> zProperty() {
    return z.getReadOnlyProperty();
  }

  /** The shown foreground probability map (row-major, the image's size); null when none. */
  public ReadOnlyObjectProperty<float[]> probabilityProperty() {
    return probability.getReadOnlyProperty();
  }

  /** The shown segmentation over the image, at twice the image's size; null when none. */
  public ReadOnlyObjectProperty<Image> overlayProperty() {
    return overlay.getReadOnlyProperty();
  }

  /** True while a requested segmentation has not yet been shown. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Change-to-pulse latencies of shown user changes, in milliseconds. */
  public LatencyRecorder latency() {
    return latency;
  }

  /** Forgets the latencies recorded so far (e.g. after a warm-up). */
  public void resetLatency() {
    latency = new LatencyRecorder();
  }

  /** Decodes run on the model thread so far (each coalesced run of changes costs one). */
  public long decodes() {
    return worker.handled();
  }

  /** Requests made so far, including those dropped for a newer one. */
  public long requests() {
    return worker.submitted();
  }

  /** Times an image was encoded so far (once per image and estimator). */
  public long encodings() {
    return decoder.encodings();
  }

  // ---- intents ---------------------------------------------------------------------------------

  /** Puts every offset back to 0: z is the prior mean. */
  public void resetToPriorMean() {
    setAll(new double[offsets.size()]);
  }

  /**
   * Sets z = mu + sigma eps with eps drawn from a Java RNG seeded by the seed (the same draw as
   * {@code EncodedImage.drawPrior(1, seed)}, each value clamped to [-3, 3]), then advances the seed
   * so the next click gives another z.
   */
  public void randomZ() {
    SplittableRandom random = new SplittableRandom(seed.get());
    double[] eps = new double[offsets.size()];
    for (int i = 0; i < eps.length; i++) {
      eps[i] = clamp(random.nextGaussian());
    }
    quiet = true;
    seed.set(seed.get() + 1);
    quiet = false;
    setAll(eps);
  }

  /**
   * Sets every offset at once (one request), e.g. from a saved session; values are clamped to [-3,
   * 3] and missing ones are left as they are.
   */
  public void setOffsets(double[] values) {
    double[] clamped = new double[Math.min(values.length, offsets.size())];
    for (int i = 0; i < clamped.length; i++) {
      clamped[i] = clamp(values[i]);
    }
    setAll(clamped);
  }

  /** The pad moved: sets the pad's two dimensions at once (one request). */
  public void setPad(double xOffset, double yOffset) {
    double[] values = currentOffsets();
    int x = padXDimension.get();
    int y = padYDimension.get();
    if (x < values.length) {
      values[x] = clamp(xOffset);
    }
    if (y < values.length) {
      values[y] = clamp(yOffset);
    }
    setAll(values);
  }

  /** Every scale but the coarsest fixed to its mean: only the global latent varies. */
  public void varyGlobalOnly() {
    fixAllBut(0);
  }

  /** Every scale but the finest fixed to its mean: only the local latent varies. */
  public void varyLocalOnly() {
    fixAllBut(scales.size() - 1);
  }

  /** Fixes every scale to its prior mean when {@code fixed}, or frees every scale. */
  public void setAllFixedToMean(boolean fixed) {
    quiet = true;
    for (ScaleControl s : scales) {
      s.fixedToMeanProperty().set(fixed);
    }
    quiet = false;
    userChanged();
  }

  /** Must be called by the view after each pulse (a post-layout pulse listener). */
  public void onPulse() {
    if (shownChangeNanos != 0) {
      latency.record((System.nanoTime() - shownChangeNanos) / 1e6);
      shownChangeNanos = 0;
    }
  }

  /** Drops the cached encoding on the model thread; the view-model stops reacting. */
  @Override
  public void close() {
    closed = true;
    generation++;
    kind.set(LatentKind.NONE);
    worker.submit(new LatentRequest(null, null, new LatentRequest.Release(), generation, 0));
  }

  // ---- wiring ----------------------------------------------------------------------------------

  private void fixAllBut(int free) {
    quiet = true;
    for (ScaleControl s : scales) {
      s.fixedToMeanProperty().set(s.scale() != free);
    }
    quiet = false;
    userChanged();
  }

  private void setAll(double[] values) {
    quiet = true;
    for (int i = 0; i < values.length && i < offsets.size(); i++) {
      offsets.get(i).set(values[i]);
    }
    quiet = false;
    userChanged();
  }

  private double[] currentOffsets() {
    double[] values = new double[offsets.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = offsets.get(i).get();
    }
    return values;
  }

  private static double clamp(double v) {
    return Math.max(-RANGE, Math.min(RANGE, v));
  }

  private void contextChanged() {
    if (closed) {
      return;
    }
    Estimator e = estimator.getValue();
    LatentKind k = LatentKind.of(e);
    quiet = true;
    rebuildControls(e, k);
    kind.set(k);
    quiet = false;
    unshown.clear();
    shownChangeNanos = 0;
    failedHere = false;
    z.set(null);
    probability.set(null);
    overlay.set(null);
    // after the rest of this change: a new case's gallery samples are asked for in the same event,
    // and they go to the one model thread before this panel's encoding of the image
    long context = ++contextChanges;
    Platform.runLater(
        () -> {
          if (!closed && context == contextChanges) {
            request(0);
          }
        });
  }

  private void rebuildControls(Estimator e, LatentKind k) {
    int dims = k == LatentKind.VECTOR ? e.capabilities().latentDimensions() : 0;
    if (dims != offsets.size()) {
      List<DoubleProperty> fresh = new ArrayList<>(dims);
      for (int i = 0; i < dims; i++) {
        DoubleProperty p = new SimpleDoubleProperty(this, "z" + (i + 1), 0);
        p.addListener((obs, old, now) -> changedIfQuiet());
        fresh.add(p);
      }
      offsets.setAll(fresh);
      padXDimension.set(0);
      padYDimension.set(Math.min(1, Math.max(dims - 1, 0)));
    } else {
      for (DoubleProperty p : offsets) {
        p.set(0);
      }
    }
    int n = k == LatentKind.SCALES ? e.capabilities().latentScales() : 0;
    if (n != scales.size()) {
      List<ScaleControl> fresh = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ScaleControl s = new ScaleControl(i);
        s.temperatureProperty().addListener((obs, old, now) -> changedIfQuiet());
        s.fixedToMeanProperty().addListener((obs, old, now) -> changedIfQuiet());
        fresh.add(s);
      }
      scales.setAll(fresh);
    }
  }

  private void changedIfQuiet() {
    if (!quiet) {
      userChanged();
    }
  }

  private void changedIfScales() {
    if (!quiet && kind.get() == LatentKind.SCALES) {
      userChanged();
    }
  }

  private void userChanged() {
    request(System.nanoTime());
  }

  private void request(long changeNanos) {
    Estimator e = estimator.getValue();
    Image2D img = image.getValue();
    generation++;
    LatentRequest.Steering steering = steering(e, img);
    boolean release = steering instanceof LatentRequest.Release;
    if (changeNanos != 0 && !release) {
      unshown.addLast(new long[] {generation, changeNanos});
    }
    long oldest = unshown.isEmpty() || release ? 0 : unshown.peekFirst()[1];
    LatentRequest r =
        release
            ? new LatentRequest(null, null, steering, generation, 0)
            : new LatentRequest(e, img, steering, generation, oldest);
    busy.set(!release);
    if (!worker.submit(r)) {
      LOG.debug("latent request dropped: the model thread is shut down");
      busy.set(false);
    }
  }

  private LatentRequest.Steering steering(Estimator e, Image2D img) {
    if (img == null || kind.get() == LatentKind.NONE) {
      return new LatentRequest.Release();
    }
    if (kind.get() == LatentKind.VECTOR) {
      return new LatentRequest.Offsets(currentOffsets());
    }
    double[] t = new double[scales.size()];
    boolean[] fixed = new boolean[scales.size()];
    for (ScaleControl s : scales) {
      t[s.scale()] = s.temperatureProperty().get();
      fixed[s.scale()] = s.fixedToMeanProperty().get();
    }
    return new LatentRequest.Scales(t, fixed, seed.get());
  }

  /** Runs on the model thread. */
  private void handle(LatentRequest r) {
    try {
      LatentResult result = decoder.decode(r);
      if (result != null) {
        Platform.runLater(() -> publish(result));
      }
    } catch (RuntimeException ex) {
      LOG.error("latent decode failed", ex);
      Platform.runLater(() -> fail(r, ex));
    }
  }

  private boolean current(LatentRequest r) {
    return r.estimator() == estimator.getValue() && r.image() == image.getValue();
  }

  private void publish(LatentResult result) {
    LatentRequest r = result.request();
    if (!current(r) || r.generation() <= completedGeneration) {
      return;
    }
    completedGeneration = r.generation();
    while (!unshown.isEmpty() && unshown.peekFirst()[0] <= r.generation()) {
      unshown.pollFirst();
    }
    z.set(result.z());
    probability.set(result.probability());
    overlay.set(result.overlay());
    if (r.measured()) {
      shownChangeNanos = r.changeNanos();
    }
    busy.set(r.generation() < generation);
  }

  private void fail(LatentRequest r, RuntimeException ex) {
    if (!current(r)) {
      return;
    }
    busy.set(r.generation() < generation);
    if (failedHere) {
      return; // one dialog per image and model, not one per slider move
    }
    failedHere = true;
    String detail = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    problems.report("Cannot show the latent segmentation", detail);
  }
}
