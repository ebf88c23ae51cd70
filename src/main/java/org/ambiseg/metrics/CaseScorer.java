package org.ambiseg.metrics;

import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;

/**
 * Scores one case: a {@link SampleSet} against the case's rater masks.
 *
 * <p>GED, sample diversity and HM-IoU use the samples as hard masks (probability &ge; 0.5, as the
 * published code takes the argmax); S-NCC uses the samples' probability maps, as PHiSeg does; the
 * Dice score thresholds the mean probability p&#772; = 1/N &Sigma; s_i at 0.5 and averages Dice
 * over the raters. The IoU matrices are computed once and shared by GED and HM-IoU.
 */
public final class CaseScorer {

  private CaseScorer() {}

  /** All scores of one case (at least one sample and one rater mask, all of the same size). */
  public static CaseScores score(SampleSet samples, List<LabelMask> raters) {
    if (raters.isEmpty()) {
      throw new IllegalArgumentException("no rater masks to score against");
    }
    for (LabelMask r : raters) {
      if (r.width() != samples.width() || r.height() != samples.height()) {
        throw new IllegalArgumentException(
            "rater mask is "
                + r.width()
                + "x"
                + r.height()
                + ", samples are "
                + samples.width()
                + "x"
                + samples.height());
      }
    }
    int n = samples.size();
    List<float[]> probabilities = new ArrayList<>(n);
    List<BitMask> sampleMasks = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] p = samples.probability(i);
      probabilities.add(p);
      sampleMasks.add(BitMask.ofThreshold(p, 0.5f));
    }
    List<boolean[]> raterFlags = new ArrayList<>(raters.size());
    List<BitMask> raterMasks = new ArrayList<>(raters.size());
    for (LabelMask r : raters) {
      boolean[] f = r.foreground();
      raterFlags.add(f);
      raterMasks.add(BitMask.of(f));
    }

    double[][] cross = Overlap.iouMatrix(sampleMasks, raterMasks);
    GedResult ged =
        GeneralisedEnergyDistance.fromIou(
            cross, Overlap.iouMatrix(sampleMasks), Overlap.iouMatrix(raterMasks));
    double hmIou = HungarianMatchedIou.fromIou(cross);

    BitMask meanMask = BitMask.ofThreshold(meanProbability(samples), 0.5f);
    double dice = 0;
    for (BitMask r : raterMasks) {
      dice += Overlap.dice(meanMask, r);
    }
    dice /= raterMasks.size();

    return new CaseScores(
        ged.ged(),
        hmIou,
        ged.sampleDiversity(),
        SampleNcc.compute(probabilities, raterFlags),
        dice,
        n,
        raters.size());
  }

  /** The mean foreground probability p&#772; = 1/N &Sigma;_i s_i of a sample set. */
  public static float[] meanProbability(SampleSet samples) {
    int pixels = samples.width() * samples.height();
    double[] sum = new double[pixels];
    for (int i = 0; i < samples.size(); i++) {
      for (int k = 0; k < pixels; k++) {
        sum[k] += samples.probabilityAt(i, k);
      }
    }
    float[] mean = new float[pixels];
    for (int k = 0; k < pixels; k++) {
      mean[k] = (float) Math.min(1.0, sum[k] / samples.size());
    }
    return mean;
  }
}
