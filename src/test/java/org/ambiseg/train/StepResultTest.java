package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message that stops training names what was not finite: loss, a term or the gradient. */
class StepResultTest {

  private static Map<String, Double> terms(double kl) {
    Map<String, Double> t = new LinkedHashMap<>();
    t.put("reconstruction", 3.0);
    t.put("kl", kl);
    return t;
  }

  @Test
  void problemNamesTheFirstNonFiniteValue() {
    StepResult fine = new StepResult(12.5, terms(1), 4);
    assertTrue(fine.isFinite());
    assertEquals("", fine.problem());
    assertEquals("loss became NaN", new StepResult(Double.NaN, terms(1), 4).problem());
    StepResult term = new StepResult(12.5, terms(Double.POSITIVE_INFINITY), 4);
    assertFalse(term.isFinite());
    assertEquals("term kl became Infinity (loss 12.5)", term.problem());
    StepResult gradient = new StepResult(12.5, terms(1), Double.NaN);
    assertFalse(gradient.isFinite());
    assertEquals("the gradient norm became NaN (loss 12.5)", gradient.problem());
  }
}
