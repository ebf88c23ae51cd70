package org.ambiseg.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.PixelSpacing;
import org.ambiseg.core.SampleSet;

/**
 * Area and longest diameter of every sample of a {@link SampleSet} (foreground = probability ≥ 0.5)
 * and of every rater mask of the case, with the distribution of each measure over the non-empty
 * samples. Rater values are kept apart, to be shown as markers beside the samples' distribution.
 *
 * @param samples one measure per sample, in sample order
 * @param raters one measure per rater mask, in rater order (empty list when there are none)
 * @param calibrated true when all values are in mm² and mm, false when in pixels
 * @param area distribution of the samples' areas (empty samples counted, not included)
 * @param diameter distribution of the samples' longest diameters (empty samples likewise)
 */
public record SampleMeasurements(
    List<LesionMeasure> samples,
    List<LesionMeasure> raters,
    boolean calibrated,
    MeasureDistribution area,
    MeasureDistribution diameter) {

  /** Copies the lists. */
  public SampleMeasurements {
    samples = List.copyOf(samples);
    raters = List.copyOf(raters);
  }

  /**
   * Measures every sample of {@code set} and every mask of {@code raters}, in mm when {@code
   * spacing} is present.
   */
  public static SampleMeasurements of(
      SampleSet set, List<LabelMask> raters, Optional<PixelSpacing> spacing) {
    List<LesionMeasure> s = new ArrayList<>(set.size());
    for (int i = 0; i < set.size(); i++) {
      s.add(LesionMeasures.of(set.foreground(i), set.width(), set.height(), spacing));
    }
    List<LesionMeasure> r = new ArrayList<>(raters.size());
    for (LabelMask m : raters) {
      r.add(LesionMeasures.of(m, spacing));
    }
    return new SampleMeasurements(
        s,
        r,
        spacing.isPresent(),
        distribution(s, LesionMeasure::area),
        distribution(s, LesionMeasure::diameter));
  }

  private static MeasureDistribution distribution(
      List<LesionMeasure> measures, ToDoubleFunction<LesionMeasure> value) {
    double[] values = measures.stream().filter(m -> !m.isEmpty()).mapToDouble(value).toArray();
    return MeasureDistribution.of(values, measures.size() - values.length);
  }
}
