package org.ambiseg.app.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.MapKind;
import org.ambiseg.estimate.UncertaintyMaps;
import org.junit.jupiter.api.Test;

/** Colour-bar ticks, number formats, scales and the pixel read-out on hand-computed values. */
class UncertaintyFormatsTest {

  @Test
  void ticksOfTheFixedRanges() {
    ColorBarTicks unit = ColorBarTicks.of(0, 1, 5);
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), unit.values());
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), unit.labels());
    ColorBarTicks variance = ColorBarTicks.of(0, 0.25, 5);
    assertEquals(0.05, variance.step(), 1e-15);
    assertEquals(List.of("0", "0.05", "0.1", "0.15", "0.2", "0.25"), variance.labels());
    assertEquals(List.of("0", "0.25", "0.5", "0.75", "1"), ColorBarTicks.of(0, 1, 4).labels());
  }

  @Test
  void endsAreAlwaysTicksAndCrowdedInnerTicksGo() {
    // step 0.2 (0.65 / 5 = 0.13 rounds up to 0.2); 0.6 is 0.05 < 0.4 * 0.2 from the end
    assertEquals(List.of("0", "0.2", "0.4", "0.65"), ColorBarTicks.of(0, 0.65, 5).labels());
    // 0.7 - 0.6 = 0.1 >= 0.08 keeps 0.6
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.7"), ColorBarTicks.of(0, 0.7, 5).labels());
    assertEquals(
        List.of("0.1", "0.2", "0.3", "0.4", "0.5"), ColorBarTicks.of(0.1, 0.5, 4).labels());
    assertEquals(0.025, ColorBarTicks.niceStep(0.021), 1e-15);
    assertEquals(10, ColorBarTicks.niceStep(5.5), 1e-12);
  }

  @Test
  void readoutNumbers() {
    assertEquals("0.500", ValueFormat.readout(0.5));
    assertEquals("0.000", ValueFormat.readout(-0.0));
    assertEquals("0.333", ValueFormat.readout(1 / 3.0));
    assertEquals("0.333", ValueFormat.tick(1 / 3.0, 0.2));
  }

  @Test
  void entropiesAreShownInBitsOnAFixedScale() {
    HeatmapScale mi = HeatmapScale.of(MapKind.MUTUAL_INFORMATION);
    assertEquals(1, mi.display(Math.log(2)), 1e-12);
    assertEquals(1, mi.position(Math.log(2)), 1e-12);
    assertEquals(0.5, mi.position(Math.log(2) / 2), 1e-12);
    assertEquals("1.000 bits", mi.format(Math.log(2)));
    assertEquals("Mutual information (bits)", mi.title());
    HeatmapScale variance = HeatmapScale.of(MapKind.VARIANCE);
    assertEquals(0.5, variance.position(0.125), 1e-12);
    assertEquals(1, variance.position(0.3), 1e-12, "clamped");
    assertEquals("Variance", variance.title());
    assertEquals("0.125", variance.format(0.125));
    for (MapKind kind : MapKind.values()) {
      // the fixed top is the map's largest possible value
      HeatmapScale s = HeatmapScale.of(kind);
      assertEquals(s.top(), s.display(kind.upperBound()), 1e-12, kind.name());
    }
  }

  @Test
  void readoutOfAPixelWhereTwoOfFourSamplesSayForeground() {
    // pixel 0: samples {1, 1, 0, 0} -> mean 0.5, variance 0.25, H(0.5) = 1 bit, each H(p) = 0
    // so MI = 1 bit; pixel 1: all 0.5 -> mean 0.5, variance 0, entropy 1 bit, MI 0
    SampleSet set =
        SampleSet.of(
            2,
            1,
            List.of(
                new float[] {1, 0.5f},
                new float[] {1, 0.5f},
                new float[] {0, 0.5f},
                new float[] {0, 0.5f}),
            "hand",
            0);
    UncertaintyMaps maps = UncertaintyMaps.of(set);
    Image2D image = Image2D.grey(2, 1, new float[] {0.2f, 0.75f});
    assertEquals(
        "x 0, y 0 \u00b7 image 0.200 \u00b7 mean 0.500 \u00b7 variance 0.250 \u00b7 entropy"
            + " 1.000 bits \u00b7 MI 1.000 bits",
        PixelReadout.text(0, 0, image, maps, HeatmapScale.KINDS));
    assertEquals(
        "x 1, y 0 \u00b7 image 0.750 \u00b7 mean 0.500 \u00b7 variance 0.000 \u00b7 entropy"
            + " 1.000 bits \u00b7 MI 0.000 bits",
        PixelReadout.text(1, 0, image, maps, HeatmapScale.KINDS));
    assertEquals("x 1, y 0 \u00b7 image 0.750", PixelReadout.text(1, 0, image, null, List.of()));
    Image2D rgb = Image2D.of(1, 1, 3, new float[] {1, 0.5f, 0});
    assertEquals(
        "x 0, y 0 \u00b7 image 1.000/0.500/0.000", PixelReadout.text(0, 0, rgb, null, List.of()));
  }
}
