package org.ambiseg.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ambiseg.app.gallery.OverlayPixels;
import org.ambiseg.core.Case;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.ModeClustering;
import org.ambiseg.estimate.Modes;
import org.ambiseg.io.render.ColorMap;
import org.ambiseg.io.render.OverlayLook;
import org.ambiseg.metrics.CaseScorer;
import org.ambiseg.metrics.CaseScores;

/**
 * What one compare column shows for one case: the samples, their mean probability as a viridis
 * heatmap, the first samples drawn over the image, the modes and, when the case has raters, the
 * per-case scores. Plain Java, computed on the model thread.
 *
 * @param caseId the id of the case the samples are of
 * @param samples the N samples
 * @param width image width in pixels
 * @param height image height in pixels
 * @param meanHeatmap opaque ARGB pixels (row-major) of the mean probability in viridis on [0, 1]
 * @param overlays opaque ARGB pixels of the first samples outlined over the image
 * @param modes the samples' modes (distinct interpretations)
 * @param scores the samples scored against the case's raters; empty when it has none
 * @param millis time to sample and analyse, in milliseconds
 */
public record ColumnResult(
    String caseId,
    SampleSet samples,
    int width,
    int height,
    int[] meanHeatmap,
    List<int[]> overlays,
    Modes modes,
    Optional<CaseScores> scores,
    long millis) {

  /** Checks that no part is missing. */
  public ColumnResult {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(samples, "samples");
    Objects.requireNonNull(meanHeatmap, "meanHeatmap");
    overlays = List.copyOf(overlays);
    Objects.requireNonNull(modes, "modes");
    Objects.requireNonNull(scores, "scores");
  }

  /**
   * Analyses {@code samples} of case {@code c}: mean heatmap, the first {@code tiles} overlays,
   * modes ({@link ModeClustering#withDefaults()}) and {@link CaseScorer} scores.
   */
  public static ColumnResult of(Case c, SampleSet samples, int tiles, long millis) {
    int w = samples.width();
    int h = samples.height();
    float[] mean = CaseScorer.meanProbability(samples);
    int[] heat = new int[mean.length];
    for (int i = 0; i < mean.length; i++) {
      heat[i] = ColorMap.VIRIDIS.argb(mean[i]);
    }
    List<int[]> overlays = new ArrayList<>();
    for (int i = 0; i < Math.min(tiles, samples.size()); i++) {
      overlays.add(OverlayPixels.render(c.image(), samples.foreground(i), 1, OverlayLook.DEFAULT));
    }
    Modes modes = ModeClustering.withDefaults().modesOf(samples);
    Optional<CaseScores> scores =
        c.raters().isEmpty()
            ? Optional.empty()
            : Optional.of(CaseScorer.score(samples, c.raters()));
    return new ColumnResult(c.id(), samples, w, h, heat, overlays, modes, scores, millis);
  }
}
