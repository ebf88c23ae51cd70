package org.ambiseg.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds small foreground arrays for the metric tests. */
final class Masks {

  private Masks() {}

  /** A mask of {@code length} pixels with the given pixels in the foreground. */
  static boolean[] of(int length, int... foreground) {
    boolean[] m = new boolean[length];
    for (int p : foreground) {
      m[p] = true;
    }
    return m;
  }

  /** {@code copies} independent copies of a mask. */
  static List<boolean[]> repeat(boolean[] mask, int copies) {
    List<boolean[]> out = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      out.add(Arrays.copyOf(mask, mask.length));
    }
    return out;
  }

  /** Concatenation of lists. */
  @SafeVarargs
  static List<boolean[]> concat(List<boolean[]>... lists) {
    List<boolean[]> out = new ArrayList<>();
    for (List<boolean[]> l : lists) {
      out.addAll(l);
    }
    return out;
  }
}
