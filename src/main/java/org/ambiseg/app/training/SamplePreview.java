package org.ambiseg.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ambiseg.core.Case;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.UncertaintyMaps;
import org.ambiseg.train.TrainableModel;
import org.ambiseg.train.TrainingListener;

/**
 * At each validation, draws a few samples for one fixed selection case from the model being trained
 * (on the training thread, between steps, where the model may be used) and renders the sample
 * strip: the image, the samples, their mean and their variance. The dashboard reads the latest
 * strip; older ones are simply replaced.
 */
final class SamplePreview implements TrainingListener {

  /** One rendered strip: the case's image, the samples, the mean and the variance. */
  record Strip(
      long step,
      String caseId,
      Thumbnails.Picture image,
      List<Thumbnails.Picture> samples,
      Thumbnails.Picture mean,
      Thumbnails.Picture variance) {}

  private final TrainableModel model;
  private final Case shown;
  private final int samples;
  private final long seed;
  private final AtomicReference<Strip> latest = new AtomicReference<>();

  /** Samples {@code samples} maps of {@code shown} from {@code model} with a fixed {@code seed}. */
  SamplePreview(TrainableModel model, Case shown, int samples, long seed) {
    this.model = model;
    this.shown = shown;
    this.samples = samples;
    this.seed = seed;
  }

  @Override
  public void onValidation(long step, Map<String, Double> metrics) {
    int w = shown.image().width();
    int h = shown.image().height();
    List<float[]> maps = model.sample(shown.image(), samples, seed);
    SampleSet set = SampleSet.of(w, h, maps, model.modelType(), seed);
    UncertaintyMaps u = UncertaintyMaps.of(set);
    List<Thumbnails.Picture> pictures = new ArrayList<>();
    for (float[] m : maps) {
      pictures.add(Thumbnails.probability(m, w, h));
    }
    latest.set(
        new Strip(
            step,
            shown.id(),
            Thumbnails.image(shown.image()),
            List.copyOf(pictures),
            Thumbnails.probability(u.mean(), w, h),
            Thumbnails.variance(u.variance(), w, h)));
  }

  /** The latest strip, or null before the first validation. */
  Strip latest() {
    return latest.get();
  }
}
