package org.ambiseg.io.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpretationModelTest {

  @Test
  void clearCoreWithoutLobeHasOneInterpretation() {
    assertEquals(Map.of("core", 1.0), InterpretationModel.probabilities(0.3, 0));
  }

  @Test
  void faintCoreWithLobeHasThreeInterpretations() {
    // nothing = 0.6 * (0.2 - 0.08) / 0.12 = 0.6; q = (0.12 - 0.02) / 0.2 = 0.5
    // core = 0.4 * 0.5 = 0.2, core+lobe = 0.2
    Map<String, Double> p = InterpretationModel.probabilities(0.08, 0.12);
    assertEquals(0.2, p.get("core"), 1e-12);
    assertEquals(0.2, p.get("core+lobe"), 1e-12);
    assertEquals(0.6, p.get("nothing"), 1e-12);
  }

  @Test
  void roundsToTwentiethsByLargestRemainder() {
    // nothing = 0.6 * 0.5 = 0.3; q = 0.25; core = 0.7 * 0.75 = 0.525 (10.5 steps),
    // core+lobe = 0.175 (3.5 steps), nothing = 6 steps; the tie on .5 goes to the first (core).
    Map<String, Double> p = InterpretationModel.probabilities(0.14, 0.07);
    assertEquals(0.55, p.get("core"), 1e-12);
    assertEquals(0.15, p.get("core+lobe"), 1e-12);
    assertEquals(0.3, p.get("nothing"), 1e-12);
  }

  @Test
  void clearLobeIsCappedAtNinetyPercent() {
    Map<String, Double> p = InterpretationModel.probabilities(0.5, 0.4);
    assertEquals(0.1, p.get("core"), 1e-12);
    assertEquals(0.9, p.get("core+lobe"), 1e-12);
    assertEquals(2, p.size());
  }
}
