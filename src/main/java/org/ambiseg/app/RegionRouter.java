package org.ambiseg.app;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.ambiseg.app.cases.Roi;
import org.ambiseg.app.cases.RoiSelector;
import org.ambiseg.app.session.ModelEntry;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.TrainingDomain;

/**
 * Decides what of an opened image gets sampled. An image no larger than the model's input goes to
 * the session whole; a larger one (a full CT slice, a DICOM) goes to the {@link RoiSelector}, and
 * the selected region of the model's size is what the session samples, again after every move of
 * the region. Call from the FX thread.
 */
final class RegionRouter {

  /** The input side assumed for a model whose model.json records no training domain. */
  static final int DEFAULT_INPUT_SIZE = 128;

  private final RoiSelector selector;
  private final Consumer<Case> show;
  private final Runnable regionNeeded;
  private String sourceId;

  /**
   * A router that hands cases to {@code show} and calls {@code regionNeeded} when an image opens
   * that needs a region chosen (e.g. to bring the region panel to the front).
   */
  RegionRouter(RoiSelector selector, Consumer<Case> show, Runnable regionNeeded) {
    this.selector = Objects.requireNonNull(selector, "selector");
    this.show = Objects.requireNonNull(show, "show");
    this.regionNeeded = Objects.requireNonNull(regionNeeded, "regionNeeded");
    selector
        .croppedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null && sourceId != null) {
                show.accept(regionCase(now));
              }
            });
  }

  /** The side of the square input of {@code model} (its training image width). */
  static int inputSize(ModelEntry model) {
    if (model == null) {
      return DEFAULT_INPUT_SIZE;
    }
    return model.info().domain().map(TrainingDomain::width).orElse(DEFAULT_INPUT_SIZE);
  }

  /** Sets the region's side to the input of the model now open. */
  void modelChanged(ModelEntry model) {
    selector.setSize(inputSize(model));
  }

  /** Routes a newly opened image: whole to the session, or through the region selector. */
  void opened(LoadedImage loaded) {
    Image2D image = loaded.image();
    int size = selector.sizeProperty().get();
    if (!Roi.needsSelection(image.width(), image.height(), size)) {
      sourceId = null;
      selector.clear();
      show.accept(loaded.opened());
      return;
    }
    sourceId = loaded.opened().id();
    if (loaded.dicom().isPresent()) {
      selector.setDicom(loaded.dicom().get());
    } else {
      selector.setImage(image);
    }
    regionNeeded.run();
  }

  /** A case opened from a dataset is always shown whole (its images are the model's size). */
  void datasetCase(Case c) {
    sourceId = null;
    selector.clear();
    show.accept(c);
  }

  private Case regionCase(Image2D crop) {
    Roi r = selector.roiProperty().get();
    String id =
        String.format(
            Locale.ROOT, "%s [%d,%d %dx%d]", sourceId, r.x(), r.y(), r.width(), r.height());
    return Case.of(id, crop, List.of());
  }
}
