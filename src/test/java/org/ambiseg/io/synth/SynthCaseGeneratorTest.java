package org.ambiseg.io.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SynthCaseGeneratorTest {

  private static final int CASES = 100;
  private static final List<SynthCase> generated = new ArrayList<>();

  @BeforeAll
  static void generate() {
    SynthCaseGenerator g = new SynthCaseGenerator(128, 11);
    for (int i = 0; i < CASES; i++) {
      generated.add(g.generate(i));
    }
  }

  private static double probability(SynthCase c, String name) {
    for (Interpretation t : c.truth()) {
      if (t.name().equals(name)) {
        return t.probability();
      }
    }
    return 0;
  }

  @Test
  void eachCaseIsReproducibleOnItsOwn() {
    SynthCaseGenerator g = new SynthCaseGenerator(128, 11);
    SynthCase again = g.generate(17);
    assertEquals(generated.get(17).image(), again.image());
    assertEquals(generated.get(17).raters(), again.raters());
    assertNotEquals(
        generated.get(17).image(), new SynthCaseGenerator(128, 12).generate(17).image());
  }

  @Test
  void truthIsAProperDistributionOverConsistentMasks() {
    int[] byCount = new int[4];
    int smallModes = 0;
    for (SynthCase c : generated) {
      assertEquals(4, c.raters().size());
      int n = c.truth().size();
      assertTrue(n >= 1 && n <= 3, c.id() + " has " + n + " interpretations");
      byCount[n]++;
      double sum = 0;
      LabelMask core = null;
      for (Interpretation t : c.truth()) {
        sum += t.probability();
        if (t.probability() <= 0.2) {
          smallModes++;
        }
        if (t.name().equals("core")) {
          core = t.mask();
          assertFalse(core.isEmpty(), c.id() + " has an empty core");
        }
        if (t.name().equals("nothing")) {
          assertTrue(t.mask().isEmpty());
        }
      }
      assertEquals(1.0, sum, 1e-9, c.id());
      for (Interpretation t : c.truth()) {
        if (t.name().equals("core+lobe") && core != null) {
          boolean[] big = t.mask().foreground();
          boolean[] small = core.foreground();
          for (int i = 0; i < big.length; i++) {
            assertTrue(!small[i] || big[i], c.id() + ": core not inside core+lobe");
          }
          assertTrue(t.mask().foregroundCount() > core.foregroundCount() * 1.2);
        }
      }
    }
    assertTrue(
        byCount[1] > 10 && byCount[2] > 10 && byCount[3] > 5,
        "counts " + List.of(byCount[1], byCount[2], byCount[3]));
    assertTrue(smallModes > 20, "modes with probability <= 0.2: " + smallModes);
  }

  @Test
  void probabilitiesFollowWhatTheImageShows() {
    double[] lobe = new double[CASES];
    double[] pLobe = new double[CASES];
    double[] core = new double[CASES];
    double[] pNothing = new double[CASES];
    for (int i = 0; i < CASES; i++) {
      SynthCase c = generated.get(i);
      lobe[i] = c.parameters().lobeContrastMeasured();
      pLobe[i] = probability(c, "core+lobe");
      core[i] = c.parameters().coreContrastMeasured();
      pNothing[i] = probability(c, "nothing");
    }
    double rLobe = SynthMetrics.pearson(lobe, pLobe);
    double rCore = SynthMetrics.pearson(core, pNothing);
    System.out.printf("corr(measured lobe contrast, P(core+lobe)) = %.3f%n", rLobe);
    System.out.printf("corr(measured core contrast, P(nothing)) = %.3f%n", rCore);
    assertTrue(rLobe > 0.5, "lobe correlation " + rLobe);
    assertTrue(rCore < -0.5, "core correlation " + rCore);
  }

  @Test
  void imagesAreTexturedNotFlat() {
    for (SynthCase c : generated.subList(0, 20)) {
      float[] p = c.image().pixels();
      double mean = 0;
      for (float v : p) {
        mean += v;
      }
      mean /= p.length;
      double var = 0;
      int distinct = 0;
      boolean[] seen = new boolean[256];
      for (float v : p) {
        var += (v - mean) * (v - mean);
        int q = Math.round(v * 255);
        if (!seen[q]) {
          seen[q] = true;
          distinct++;
        }
      }
      assertTrue(Math.sqrt(var / p.length) > 0.02, c.id() + " is nearly flat");
      assertTrue(distinct > 30, c.id() + " has only " + distinct + " grey levels");
    }
  }

  @Test
  void scalesToOtherSizes() {
    SynthCase c = new SynthCaseGenerator(64, 3).generate(0);
    assertEquals(64, c.image().width());
    assertEquals(64, c.raters().get(0).width());
  }
}
