package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.Test;

class InterpretationFrequenciesTest {

  private static Interpretation interpretation(String name, double p, int... foreground) {
    return new Interpretation(name, p, LabelMask.binary(4, 1, Masks.of(4, foreground)));
  }

  @Test
  void assignsByHighestIouAndComparesWithTruth() {
    List<Interpretation> truth =
        List.of(
            interpretation("core", 0.5, 0),
            interpretation("core+lobe", 0.3, 0, 1),
            interpretation("nothing", 0.2));
    List<boolean[]> samples =
        List.of(
            Masks.of(4, 0),
            Masks.of(4, 0),
            Masks.of(4, 0, 1),
            Masks.of(4, 0, 1, 2), // IoU 2/3 with core+lobe, 1/3 with core
            Masks.of(4), // empty matches "nothing" with IoU 1
            Masks.of(4, 3)); // IoU 0 with everything: unmatched
    InterpretationFrequencies f = InterpretationFrequencies.of(samples, truth);
    assertEquals(List.of("core", "core+lobe", "nothing"), f.names());
    assertEquals(List.of(2, 2, 1), f.counts());
    assertEquals(1, f.unmatched());
    assertEquals(1.0 / 3, f.observed().get(0), 1e-12);
    assertEquals(1.0 / 3, f.observed().get(1), 1e-12);
    assertEquals(1.0 / 6, f.observed().get(2), 1e-12);
    // |1/3 - .5| + |1/3 - .3| + |1/6 - .2| = 7/30, mean over 3 in points: 700/90.
    assertEquals(700.0 / 90, f.meanAbsoluteErrorPp(), 1e-9);
  }

  @Test
  void perfectFrequenciesGiveZeroError() {
    List<Interpretation> truth =
        List.of(interpretation("left", 0.75, 0), interpretation("right", 0.25, 3));
    List<boolean[]> samples =
        List.of(Masks.of(4, 0), Masks.of(4, 0, 1), Masks.of(4, 0), Masks.of(4, 2, 3));
    InterpretationFrequencies f = InterpretationFrequencies.of(samples, truth);
    assertEquals(List.of(3, 1), f.counts());
    assertEquals(0.0, f.meanAbsoluteErrorPp(), 1e-12);
  }
}
