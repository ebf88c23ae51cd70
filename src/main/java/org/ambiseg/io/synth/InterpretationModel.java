package org.ambiseg.io.synth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The known distribution over interpretations of a synthetic case, as a function of what the image
 * shows.
 *
 * <p>With core contrast c and lobe contrast l (0 when there is no lobe):
 *
 * <pre>
 *   P(nothing)   = 0.6 * clamp((0.2 - c) / 0.12, 0, 1)        faint cores are missed
 *   q            = clamp((l - 0.02) / 0.2, 0, 0.9)            a clear lobe is usually included
 *   P(core+lobe) = (1 - P(nothing)) * q
 *   P(core)      = (1 - P(nothing)) * (1 - q)
 * </pre>
 *
 * then rounded to multiples of 0.05 (largest remainder, so they still sum to 1) and zeros dropped;
 * a case has 1 to 3 interpretations.
 */
public final class InterpretationModel {

  /** The lesion core only. */
  public static final String CORE = "core";

  /** The core together with the faint attached lobe. */
  public static final String CORE_AND_LOBE = "core+lobe";

  /** No lesion seen: an empty mask. */
  public static final String NOTHING = "nothing";

  private static final int STEPS = 20;

  private InterpretationModel() {}

  /** Probabilities by interpretation name, in the order core, core+lobe, nothing. */
  public static Map<String, Double> probabilities(double coreContrast, double lobeContrast) {
    double nothing = 0.6 * clamp((0.2 - coreContrast) / 0.12, 0, 1);
    double lobeShare = clamp((lobeContrast - 0.02) / 0.2, 0, 0.9);
    double[] raw = {
      (1 - nothing) * (1 - lobeShare), (1 - nothing) * lobeShare, nothing,
    };
    int[] steps = roundToSteps(raw);
    String[] names = {CORE, CORE_AND_LOBE, NOTHING};
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (steps[i] > 0) {
        out.put(names[i], steps[i] / (double) STEPS);
      }
    }
    return out;
  }

  /** Rounds to multiples of 1/STEPS summing to 1; remainder ties (within 1e-9) go to the first. */
  private static int[] roundToSteps(double[] p) {
    int[] steps = new int[p.length];
    double[] rest = new double[p.length];
    int used = 0;
    for (int i = 0; i < p.length; i++) {
      steps[i] = (int) Math.floor(p[i] * STEPS + 1e-9);
      rest[i] = p[i] * STEPS - steps[i];
      used += steps[i];
    }
    while (used < STEPS) {
      int best = 0;
      for (int i = 1; i < p.length; i++) {
        if (rest[i] > rest[best] + 1e-9) {
          best = i;
        }
      }
      steps[best]++;
      rest[best] = -1;
      used++;
    }
    return steps;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
