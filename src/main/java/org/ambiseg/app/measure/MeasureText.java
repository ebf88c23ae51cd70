package org.ambiseg.app.measure;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.ambiseg.metrics.LesionMeasure;
import org.ambiseg.metrics.MeasureDistribution;
import org.ambiseg.metrics.SampleMeasurements;

/**
 * Formats the summary line of one measure, e.g. "Area (px): median 81.0, 5–95 %: 33.0–142 · 5
 * samples · raters 81.0": the median and 5–95 % range of the non-empty samples, how many samples
 * were measured and how many were empty, and each rater's value.
 */
public final class MeasureText {

  private MeasureText() {}

  /** The summary line of {@code kind} over {@code m}. */
  public static String summary(MeasureKind kind, SampleMeasurements m) {
    MeasureDistribution d = kind.distribution(m);
    StringBuilder out = new StringBuilder(kind.axisLabel(m.calibrated())).append(": ");
    if (d.isEmpty()) {
      out.append("every sample is empty");
    } else {
      out.append("median ")
          .append(number(d.median()))
          .append(", 5\u201395 %: ")
          .append(number(d.p5()))
          .append('\u2013')
          .append(number(d.p95()));
    }
    out.append(" \u00b7 ").append(d.count()).append(d.count() == 1 ? " sample" : " samples");
    if (d.empty() > 0) {
      out.append(", ").append(d.empty()).append(" empty");
    }
    List<LesionMeasure> raters = m.raters();
    if (!raters.isEmpty()) {
      out.append(" \u00b7 raters ")
          .append(
              raters.stream().map(r -> number(kind.value(r))).collect(Collectors.joining(", ")));
    }
    return out.toString();
  }

  /** A value with three significant figures for values from 1 to 999 (0 decimals from 100). */
  public static String number(double v) {
    double a = Math.abs(v);
    String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, pattern, v);
  }
}
