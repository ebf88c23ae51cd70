package org.ambiseg.cli;

import java.nio.file.Path;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.estimate.Estimators;
import org.ambiseg.io.ImageReader;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;

/**
 * One image read from disk and sampled with a model folder's default estimator, with the model's
 * description and its training-domain warnings: what {@code sample} and {@code export-gif} share.
 *
 * @param imageFile the image's path as given
 * @param image the image
 * @param info the model's model.json
 * @param estimator the estimator's name, e.g. "probunet"
 * @param samples the samples
 * @param warnings why the image is far outside the model's training domain (empty when it is not)
 */
record SampledImage(
    Path imageFile,
    Image2D image,
    ModelInfo info,
    String estimator,
    SampleSet samples,
    List<String> warnings) {

  /**
   * Reads {@code imageFile}, opens {@code modelDir} as the estimator {@code kind} (see {@link
   * Estimators#open(Path, String)}) and draws {@code n} samples with {@code seed}. Every problem
   * with the image or the model is a {@link BadInputException} naming the file.
   */
  static SampledImage draw(Path modelDir, String kind, Path imageFile, int n, long seed)
      throws BadInputException {
    if (n < 1) {
      throw new BadInputException("-n", "needs at least 1 sample, got " + n);
    }
    Image2D image = ImageReader.readImage(imageFile);
    ModelInfo info = ModelStore.readInfo(modelDir);
    try (Estimator estimator = Estimators.open(modelDir, kind)) {
      return of(estimator, info, imageFile, image, n, seed);
    }
  }

  /**
   * Samples {@code image} (read from {@code imageFile}) with an open estimator of the model
   * described by {@code info}.
   */
  static SampledImage of(
      Estimator estimator, ModelInfo info, Path imageFile, Image2D image, int n, long seed)
      throws BadInputException {
    List<String> warnings = info.domain().map(d -> d.warningsFor(image)).orElse(List.of());
    SampleSet samples;
    try {
      samples = estimator.sample(image, n, seed);
    } catch (IllegalArgumentException e) {
      // the model cannot take this image (size or channels): the image is the bad input
      throw new BadInputException(imageFile, e.getMessage(), e);
    }
    return new SampledImage(imageFile, image, info, estimator.name(), samples, warnings);
  }

  /** The hard mask of sample {@code i}: foreground where its probability is at least t. */
  boolean[] mask(int i, float threshold) {
    float[] p = samples.probability(i);
    boolean[] out = new boolean[p.length];
    for (int k = 0; k < p.length; k++) {
      out[k] = p[k] >= threshold;
    }
    return out;
  }
}
