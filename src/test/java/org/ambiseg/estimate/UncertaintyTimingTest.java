package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ambiseg.core.SampleSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Times {@link UncertaintyMaps#of} for 64 soft samples (wall and process CPU time) and {@link
 * ModeClustering} for 100 samples at 128x128, run by hand: {@code mvn -B test -Plong
 * -Dtest=UncertaintyTimingTest}.
 */
@Tag("long")
class UncertaintyTimingTest {

  private static final int SIZE = 128;

  @Test
  void uncertaintyMapsOfSixtyFourSamplesAt128() {
    SampleSet set = softDiscs(64, new Random(3));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double[] ms = time(() -> UncertaintyMaps.of(set).summary(MapKind.MEAN).mean(), 50, 200);
    long cpu0 = os.getProcessCpuTime();
    double[] again = time(() -> UncertaintyMaps.of(set).summary(MapKind.MEAN).mean(), 0, 200);
    double cpuPerCall = (os.getProcessCpuTime() - cpu0) / 1e6 / again.length;
    System.out.printf(
        "UncertaintyMaps.of, 64 samples at 128x128: median %.3f ms (p90 %.3f, min %.3f),"
            + " process CPU %.3f ms per call%n",
        ms[ms.length / 2], ms[ms.length * 9 / 10], ms[0], cpuPerCall);
    assertTrue(ms[ms.length / 2] < 50, "median above 50 ms");
  }

  @Test
  void modeClusteringOfHundredSamplesAt128() {
    SampleSet set = threeInterpretations(100, new Random(4));
    double[] ms = time(() -> ModeClustering.withDefaults().cluster(set).size(), 20, 100);
    System.out.printf(
        "ModeClustering, 100 samples at 128x128: median %.3f ms (p90 %.3f, min %.3f), %s%n",
        ms[ms.length / 2],
        ms[ms.length * 9 / 10],
        ms[0],
        ModeClustering.withDefaults().cluster(set).describe());
    assertTrue(ms[ms.length / 2] < 500, "median above 500 ms");
  }

  /** Jittered soft discs of three sizes (core, core + rim, large) and 10 % empty maps. */
  static SampleSet threeInterpretations(int n, Random random) {
    List<float[]> probs = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      double u = random.nextDouble();
      double radius = u < 0.1 ? -1 : u < 0.5 ? 8 : u < 0.8 ? 12 : 18;
      double cx = 64 + random.nextGaussian() * 0.7;
      double cy = 64 + random.nextGaussian() * 0.7;
      float[] p = new float[SIZE * SIZE];
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          double r = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
          p[y * SIZE + x] =
              radius < 0 ? 0.01f : (float) (1.0 / (1.0 + Math.exp(2.0 * (r - radius))));
        }
      }
      probs.add(p);
    }
    return SampleSet.of(SIZE, SIZE, probs, "timing", 1L);
  }

  static SampleSet softDiscs(int n, Random random) {
    List<float[]> probs = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      double cx = 64 + random.nextGaussian() * 6;
      double cy = 64 + random.nextGaussian() * 6;
      double radius = 6 + random.nextDouble() * 12;
      float[] p = new float[SIZE * SIZE];
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          double r = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
          p[y * SIZE + x] = (float) (1.0 / (1.0 + Math.exp(2.0 * (r - radius))));
        }
      }
      probs.add(p);
    }
    return SampleSet.of(SIZE, SIZE, probs, "timing", 1L);
  }

  /** Runs {@code work} warmup times, then returns the sorted durations of {@code runs} runs. */
  static double[] time(java.util.function.DoubleSupplier work, int warmup, int runs) {
    double sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += work.getAsDouble();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      sink += work.getAsDouble();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    if (sink == 42.4242) {
      System.out.println(sink);
    }
    return ms;
  }
}
