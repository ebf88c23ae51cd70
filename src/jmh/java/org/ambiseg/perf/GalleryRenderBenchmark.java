package org.ambiseg.perf;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.render.OverlayRenderer;
import org.ambiseg.io.render.OverlayStyle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A 16-sample gallery: 16 overlays of a 128 x 128 image with one sample's mask each, at scale 1,
 * through {@link OverlayRenderer#overlay}. Budget: 20 ms for all 16.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GalleryRenderBenchmark {

  @Param({"OUTLINE", "FILL"})
  public String style;

  private Image2D image;
  private List<boolean[]> masks;

  /** The image and 16 disc masks. */
  @Setup
  public void setUp() {
    image = Fixtures.image();
    masks = Fixtures.discs(16, 4);
  }

  /** 16 overlays. Budget 20 ms. */
  @Benchmark
  public void gallery16(Blackhole bh) {
    OverlayStyle s = OverlayStyle.valueOf(style);
    for (boolean[] m : masks) {
      bh.consume(OverlayRenderer.overlay(image, m, 1, s, OverlayRenderer.DEFAULT_COLOUR, 0.8));
    }
  }
}
