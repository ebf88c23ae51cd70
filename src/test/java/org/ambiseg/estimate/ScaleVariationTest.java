package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.model.HpuNetSampler;
import org.junit.jupiter.api.Test;

/** The changed-pixel fraction on hand-made masks, and the one-scale-varies settings. */
class ScaleVariationTest {

  private static LabelMask mask(int... foreground) {
    boolean[] fg = new boolean[4 * 4];
    for (int p : foreground) {
      fg[p] = true;
    }
    return LabelMask.binary(4, 4, fg);
  }

  @Test
  void changedFractionCountsPixelsThatDifferInAnySample() {
    // pixel 0 in all three (unchanged), 1 in the first only, 2 in the last only, 5 in two of three
    SampleSet set = SampleSet.ofMasks(List.of(mask(0, 1, 5), mask(0, 5), mask(0, 2)), "t", 0);
    assertEquals(3 / 16.0, ScaleVariation.changedFraction(set), 1e-12);
    SampleSet same = SampleSet.ofMasks(List.of(mask(3, 4), mask(3, 4)), "t", 0);
    assertEquals(0, ScaleVariation.changedFraction(same), 0);
    assertEquals(0, ScaleVariation.changedFraction(SampleSet.ofMasks(List.of(mask(1)), "t", 0)));
    SampleSet all = SampleSet.ofMasks(List.of(mask(), mask(0, 1, 2, 3)), "t", 0);
    assertEquals(4 / 16.0, ScaleVariation.changedFraction(all), 1e-12);
  }

  @Test
  void onlyOneScaleVariesAtTemperatureOne() {
    HpuNetSampler.ScaleSettings s = ScaleVariation.onlyScale(4, 2);
    assertArrayEquals(new boolean[] {true, true, false, true}, s.fixedToMean());
    assertArrayEquals(new double[] {1, 1, 1, 1}, s.temperatures(), 0);
    assertThrows(IllegalArgumentException.class, () -> ScaleVariation.onlyScale(4, 4));
  }
}
