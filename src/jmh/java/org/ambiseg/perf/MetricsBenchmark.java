package org.ambiseg.perf;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ambiseg.metrics.GeneralisedEnergyDistance;
import org.ambiseg.metrics.HungarianMatchedIou;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * GED and Hungarian-matched IoU of 16 samples against 4 raters at 128 x 128, from boolean masks
 * (packing included). Budget: GED + HM-IoU together under 5 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsBenchmark {

  private List<boolean[]> samples;
  private List<boolean[]> raters;

  /** 16 sample and 4 rater disc masks. */
  @Setup
  public void setUp() {
    samples = Fixtures.discs(16, 1);
    raters = Fixtures.discs(4, 2);
  }

  /** Both metrics, as scoring a case needs them. Budget 5 ms. */
  @Benchmark
  public void gedAndHmIou16x4(Blackhole bh) {
    bh.consume(GeneralisedEnergyDistance.compute(samples, raters));
    bh.consume(HungarianMatchedIou.compute(samples, raters));
  }
}
