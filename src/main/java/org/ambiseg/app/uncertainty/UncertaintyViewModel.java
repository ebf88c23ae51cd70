package org.ambiseg.app.uncertainty;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.image.Image;
import org.ambiseg.app.ImageRenderer;
import org.ambiseg.app.viewport.ImagePixel;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.estimate.UncertaintyMaps;
import org.ambiseg.io.render.ColorMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the uncertainty view: follows an image and its sample set, computes their {@link
 * UncertaintyMaps} and the image's picture on a background executor (latest wins: a result is
 * published only if no newer image or sample set arrived meanwhile), and renders the chosen map in
 * the chosen colour map. The heatmap of a new kind or colour map is rendered on the FX thread from
 * the cached maps (one table look-up per pixel). Use it on the JavaFX thread.
 */
public final class UncertaintyViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(UncertaintyViewModel.class);

  /** Status when no sample set is there. */
  public static final String NO_SAMPLES = "No samples yet";

  private final ObservableValue<Image2D> image;
  private final ObservableValue<SampleSet> samples;
  private final Executor executor;
  private final ObjectProperty<MapKind> mapKind =
      new SimpleObjectProperty<>(this, "mapKind", MapKind.MUTUAL_INFORMATION);
  private final ObjectProperty<ColorMap> colorMap =
      new SimpleObjectProperty<>(this, "colorMap", ColorMap.MAGMA);
  private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 0.7);
  private final ObjectProperty<ImagePixel> hoveredPixel =
      new SimpleObjectProperty<>(this, "hoveredPixel");
  private final ReadOnlyObjectWrapper<Image> picture = new ReadOnlyObjectWrapper<>(this, "picture");
  private final ReadOnlyObjectWrapper<Image> heatmap = new ReadOnlyObjectWrapper<>(this, "heatmap");
  private final ReadOnlyObjectWrapper<UncertaintyMaps> maps =
      new ReadOnlyObjectWrapper<>(this, "maps");
  private final ReadOnlyObjectWrapper<HeatmapScale> scale =
      new ReadOnlyObjectWrapper<>(this, "scale");
  private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private Image2D shownImage;
  private long generation;

  /**
   * Follows {@code image} and {@code samples} (either may be null); background work runs on {@code
   * executor} (not the model thread: this is no model work).
   */
  public UncertaintyViewModel(
      ObservableValue<Image2D> image, ObservableValue<SampleSet> samples, Executor executor) {
    this.image = Objects.requireNonNull(image, "image");
    this.samples = Objects.requireNonNull(samples, "samples");
    this.executor = Objects.requireNonNull(executor, "executor");
    image.addListener((obs, old, now) -> recompute());
    samples.addListener((obs, old, now) -> recompute());
    mapKind.addListener((obs, old, now) -> rerender());
    colorMap.addListener((obs, old, now) -> rerender());
    hoveredPixel.addListener((obs, old, now) -> updateReadout());
    scale.set(HeatmapScale.of(mapKind.get()));
    recompute();
  }

  /** The map shown; one of {@link HeatmapScale#KINDS}. */
  public ObjectProperty<MapKind> mapKindProperty() {
    return mapKind;
  }

  /** The colour map of the heatmap and legend. */
  public ObjectProperty<ColorMap> colorMapProperty() {
    return colorMap;
  }

  /** Opacity of the heatmap over the image, 0..1. */
  public DoubleProperty opacityProperty() {
    return opacity;
  }

  /** The image pixel under the cursor (set by the view); null for none. */
  public ObjectProperty<ImagePixel> hoveredPixelProperty() {
    return hoveredPixel;
  }

  /** The image as shown (grey or colour); null when there is none. */
  public ReadOnlyObjectProperty<Image> pictureProperty() {
    return picture.getReadOnlyProperty();
  }

  /** The chosen map coloured, one pixel per image pixel; null without samples. */
  public ReadOnlyObjectProperty<Image> heatmapProperty() {
    return heatmap.getReadOnlyProperty();
  }

  /** The maps of the current sample set; null before they are computed. */
  public ReadOnlyObjectProperty<UncertaintyMaps> mapsProperty() {
    return maps.getReadOnlyProperty();
  }

  /** Unit and fixed colour range of the chosen map, for the legend. */
  public ReadOnlyObjectProperty<HeatmapScale> scaleProperty() {
    return scale.getReadOnlyProperty();
  }

  /** The values under the cursor (see {@link PixelReadout}); empty when the cursor is away. */
  public ReadOnlyStringProperty readoutProperty() {
    return readout.getReadOnlyProperty();
  }

  /** What is missing or going on, e.g. {@link #NO_SAMPLES}; empty when the heatmap is shown. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** True while maps are being computed. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  private void recompute() {
    long request = ++generation;
    Image2D img = image.getValue();
    SampleSet set = samples.getValue();
    busy.set(true);
    try {
      executor.execute(() -> compute(request, img, set));
    } catch (RejectedExecutionException e) {
      LOG.debug("uncertainty maps not computed: the app is shutting down");
      busy.set(false);
    }
  }

  private void compute(long request, Image2D img, SampleSet set) {
    try {
      long start = System.nanoTime();
      Image pic = img == null ? null : ImageRenderer.render(img);
      UncertaintyMaps computed = set == null ? null : UncertaintyMaps.of(set);
      LOG.debug(
          "uncertainty maps of {} samples in {} ms",
          set == null ? 0 : set.size(),
          (System.nanoTime() - start) / 1_000_000);
      Platform.runLater(() -> publish(request, img, pic, computed));
    } catch (RuntimeException e) {
      LOG.warn("uncertainty maps failed", e);
      Platform.runLater(() -> fail(request, e));
    }
  }

  private void publish(long request, Image2D img, Image pic, UncertaintyMaps computed) {
    if (request != generation) {
      return; // a newer image or sample set is on its way
    }
    busy.set(false);
    shownImage = img;
    picture.set(pic);
    maps.set(computed);
    rerender();
  }

  private void fail(long request, RuntimeException e) {
    if (request == generation) {
      busy.set(false);
      maps.set(null);
      heatmap.set(null);
      status.set("Uncertainty maps failed: " + e.getMessage());
    }
  }

  private void rerender() {
    MapKind kind = mapKind.get() == null ? MapKind.MUTUAL_INFORMATION : mapKind.get();
    ColorMap colors = colorMap.get() == null ? ColorMap.MAGMA : colorMap.get();
    scale.set(HeatmapScale.of(kind));
    UncertaintyMaps m = maps.get();
    if (m == null) {
      heatmap.set(null);
      status.set(NO_SAMPLES);
    } else if (!sizesMatch()) {
      heatmap.set(null);
      status.set(
          "Samples are "
              + m.width()
              + " \u00d7 "
              + m.height()
              + " but the image is "
              + shownImage.width()
              + " \u00d7 "
              + shownImage.height()
              + ": no heatmap");
    } else {
      heatmap.set(HeatmapImages.heatmap(m, kind, colors));
      status.set("");
    }
    updateReadout();
  }

  private void updateReadout() {
    ImagePixel p = hoveredPixel.get();
    UncertaintyMaps m = sizesMatch() ? maps.get() : null;
    readout.set(
        p == null ? "" : PixelReadout.text(p.x(), p.y(), shownImage, m, HeatmapScale.KINDS));
  }

  /** True unless both an image and maps are there and differ in size. */
  private boolean sizesMatch() {
    UncertaintyMaps m = maps.get();
    return m == null
        || shownImage == null
        || (shownImage.width() == m.width() && shownImage.height() == m.height());
  }
}
