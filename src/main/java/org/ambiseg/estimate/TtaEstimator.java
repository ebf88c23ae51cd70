package org.ambiseg.estimate;

import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.tta.PixelMapping;
import org.ambiseg.estimate.tta.TtaSettings;
import org.ambiseg.estimate.tta.TtaTransform;

/**
 * Test-time augmentation (Wang et al., "Aleatoric uncertainty estimation with test-time
 * augmentation for medical image segmentation", Neurocomputing 2019) around any deterministic
 * {@link ProbabilityPredictor}: sample s is the prediction for a randomly flipped, rotated, shifted
 * and intensity-jittered copy of the image ({@link TtaSettings#draw}, drawn from the seed; sample 0
 * is the un-augmented image), mapped back to the original grid by the exact inverse of its
 * geometric transform. All n augmented images go to the predictor in one call.
 *
 * <p>Border pixels: a shift moves some original pixels out of the frame; sample s has no prediction
 * for them (the predictions for the pixels shifted in from outside are discarded). Let V(i) be the
 * samples that do have a prediction at pixel i (never empty: it holds sample 0). Sample s's value
 * at pixel i is its own prediction when s is in V(i), and otherwise the mean of the predictions of
 * V(i) at i. So the mean of the set at every pixel is exactly the average over the samples that saw
 * the pixel; the spread there comes only from those samples.
 */
public final class TtaEstimator implements Estimator {

  private final String name;
  private final ProbabilityPredictor predictor;
  private final TtaSettings settings;

  /** TTA named {@code name} around {@code predictor} (owned: closed with this estimator). */
  public TtaEstimator(String name, ProbabilityPredictor predictor, TtaSettings settings) {
    this.name = name;
    this.predictor = predictor;
    this.settings = settings;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Capabilities capabilities() {
    return new Capabilities(
        0, 0, false, "input (aleatoric) uncertainty: spread under test-time augmentation");
  }

  @Override
  public SampleSet sample(Image2D image, int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("needs at least one sample, got " + n);
    }
    if (settings.maxShift() >= Math.min(image.width(), image.height())) {
      throw new IllegalArgumentException(
          "a "
              + image.width()
              + "x"
              + image.height()
              + " image is too small for shifts of up to "
              + settings.maxShift()
              + " pixels");
    }
    List<TtaTransform> transforms = settings.draw(n, seed);
    List<PixelMapping> mappings = new ArrayList<>(n);
    List<Image2D> augmented = new ArrayList<>(n);
    for (TtaTransform t : transforms) {
      PixelMapping mapping = t.mapping(image);
      mappings.add(mapping);
      augmented.add(t.apply(image, mapping));
    }
    List<float[]> predictions = predictor.predict(augmented);
    List<PixelMapping.Restored> restored = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      restored.add(mappings.get(s).restore(predictions.get(s)));
    }
    return SampleSet.of(image.width(), image.height(), fillUncovered(restored), name, seed);
  }

  /** The samples' values, where a sample has none its value is the mean of those that do. */
  static List<float[]> fillUncovered(List<PixelMapping.Restored> restored) {
    int pixels = restored.get(0).values().length;
    List<float[]> out = new ArrayList<>(restored.size());
    for (PixelMapping.Restored r : restored) {
      out.add(r.values().clone());
    }
    for (int i = 0; i < pixels; i++) {
      double sum = 0;
      int count = 0;
      for (PixelMapping.Restored r : restored) {
        if (r.valid()[i]) {
          sum += r.values()[i];
          count++;
        }
      }
      if (count == restored.size()) {
        continue;
      }
      if (count == 0) {
        throw new IllegalStateException("no sample covers pixel " + i);
      }
      float mean = (float) (sum / count);
      for (int s = 0; s < restored.size(); s++) {
        if (!restored.get(s).valid()[i]) {
          out.get(s)[i] = mean;
        }
      }
    }
    return out;
  }

  @Override
  public void close() {
    predictor.close();
  }
}
