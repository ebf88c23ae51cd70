package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times GED + HM-IoU (and the full case scorer) for 16 samples x 4 raters at 128x128, run by hand:
 * {@code mvn -B test -Plong -Dtest=MetricsTimingTest}.
 */
@Tag("long")
class MetricsTimingTest {

  private static final int SIZE = 128;

  @Test
  void gedAndHmIouOfSixteenSamplesAndFourRatersAt128() {
    Random random = new Random(11);
    List<boolean[]> samples = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      samples.add(blob(random));
    }
    List<boolean[]> raters = new ArrayList<>();
    List<LabelMask> raterMasks = new ArrayList<>();
    for (int j = 0; j < 4; j++) {
      boolean[] r = blob(random);
      raters.add(r);
      raterMasks.add(LabelMask.binary(SIZE, SIZE, r));
    }
    List<LabelMask> sampleMasks = new ArrayList<>();
    for (boolean[] s : samples) {
      sampleMasks.add(LabelMask.binary(SIZE, SIZE, s));
    }
    SampleSet set = SampleSet.ofMasks(sampleMasks, "timing", 1L);

    double sink = 0;
    for (int w = 0; w < 2000; w++) {
      sink += GeneralisedEnergyDistance.compute(samples, raters).ged();
      sink += HungarianMatchedIou.compute(samples, raters);
    }
    double[] gedHm = new double[500];
    for (int r = 0; r < gedHm.length; r++) {
      long t0 = System.nanoTime();
      sink += GeneralisedEnergyDistance.compute(samples, raters).ged();
      sink += HungarianMatchedIou.compute(samples, raters);
      gedHm[r] = (System.nanoTime() - t0) / 1e6;
    }
    for (int w = 0; w < 200; w++) {
      sink += CaseScorer.score(set, raterMasks).ged();
    }
    double[] full = new double[200];
    for (int r = 0; r < full.length; r++) {
      long t0 = System.nanoTime();
      sink += CaseScorer.score(set, raterMasks).ged();
      full[r] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(gedHm);
    Arrays.sort(full);
    System.out.printf(
        "16x4 at 128x128: GED + HM-IoU from boolean[] median %.3f ms (p90 %.3f);"
            + " full CaseScorer (incl. S-NCC, Dice) median %.3f ms (p90 %.3f) [%f]%n",
        gedHm[gedHm.length / 2],
        gedHm[gedHm.length * 9 / 10],
        full[full.length / 2],
        full[full.length * 9 / 10],
        sink);
    assertTrue(gedHm[gedHm.length / 2] < 5.0, "GED + HM-IoU median above 5 ms");
  }

  /** A random disc, sometimes empty, as lesion-like masks are. */
  private static boolean[] blob(Random random) {
    boolean[] m = new boolean[SIZE * SIZE];
    if (random.nextDouble() < 0.3) {
      return m;
    }
    double cx = 64 + random.nextGaussian() * 4;
    double cy = 64 + random.nextGaussian() * 4;
    double radius = 6 + random.nextDouble() * 10;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        m[y * SIZE + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius;
      }
    }
    return m;
  }
}
