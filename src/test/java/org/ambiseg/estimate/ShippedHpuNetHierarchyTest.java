package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ambiseg.io.ImageReader;
import org.junit.jupiter.api.Test;

/**
 * The shipped HPU-Net's hierarchy does what it claims: varying only the coarsest latent scale
 * (every other scale at its prior mean) changes more pixels across samples than varying only the
 * finest. Measured on the shipped sample-data test images (the LIDC data are not in the project;
 * the README gives the same measure on LIDC val).
 */
class ShippedHpuNetHierarchyTest {

  private static final Path MODEL = Path.of("models/hpunet-lidc");
  private static final Path IMAGES = Path.of("sample-data/test/images");
  private static final int CASES = 20;
  private static final int SAMPLES = 16;

  @Test
  void theCoarsestScaleChangesMorePixelsThanTheFinest() throws Exception {
    double[] mean;
    try (HpuNetEstimator estimator = (HpuNetEstimator) Estimators.open(MODEL)) {
      mean = meanChangedFractionPerScale(estimator);
    }
    String perScale = "changed fraction per scale, coarse to fine: " + Arrays.toString(mean);
    assertTrue(mean[0] > 0, perScale);
    assertTrue(mean[mean.length - 1] < mean[0], perScale);
  }

  private static double[] meanChangedFractionPerScale(HpuNetEstimator estimator) throws Exception {
    List<Path> images;
    try (Stream<Path> files = Files.list(IMAGES)) {
      images = files.sorted().limit(CASES).toList();
    }
    int scales = estimator.capabilities().latentScales();
    double[] mean = new double[scales];
    for (int i = 0; i < images.size(); i++) {
      double[] changed =
          ScaleVariation.changedFractionPerScale(
              estimator, ImageReader.readImage(images.get(i)), SAMPLES, i);
      for (int s = 0; s < scales; s++) {
        mean[s] += changed[s] / images.size();
      }
    }
    return mean;
  }
}
