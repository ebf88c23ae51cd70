package org.ambiseg.app.uncertainty;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formats of the uncertainty view: read-out values and colour-bar tick labels. */
public final class ValueFormat {

  private static final int MAX_TICK_DECIMALS = 3;

  private ValueFormat() {}

  /** A value in the pixel read-out: three decimals, dot as decimal separator, e.g. "0.500". */
  public static String readout(double value) {
    return String.format(Locale.ROOT, "%.3f", value == 0 ? 0.0 : value);
  }

  /**
   * A tick label with the decimals that ticks {@code step} apart need, or the value's own (up to
   * three) if it has more, trailing zeros dropped: with step 0.2, 0.4 gives "0.4" and an end value
   * 0.65 gives "0.65"; with step 0.05, 0.15 gives "0.15"; zero is always "0".
   */
  public static String tick(double value, double step) {
    int decimals = Math.max(decimalsOf(step), Math.min(MAX_TICK_DECIMALS, decimalsOf(value)));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s.equals("-0") ? "0" : s;
  }

  private static int decimalsOf(double value) {
    return Math.max(0, BigDecimal.valueOf(value).stripTrailingZeros().scale());
  }
}
