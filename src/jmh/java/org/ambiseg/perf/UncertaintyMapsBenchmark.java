package org.ambiseg.perf;

import java.util.concurrent.TimeUnit;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.UncertaintyMaps;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link UncertaintyMaps#of} (mean, variance, entropies, mutual information, agreement) for 64
 * probability maps at 128 x 128. Budget: 20 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UncertaintyMapsBenchmark {

  private SampleSet samples;

  /** 64 soft-disc probability maps. */
  @Setup
  public void setUp() {
    samples =
        SampleSet.of(
            Fixtures.SIZE, Fixtures.SIZE, Fixtures.probabilities(64, 3), "synthetic", 3);
  }

  /** All maps of 64 samples. Budget 20 ms. */
  @Benchmark
  public UncertaintyMaps uncertaintyMaps64() {
    return UncertaintyMaps.of(samples);
  }
}
