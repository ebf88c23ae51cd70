package org.ambiseg.metrics;

import java.util.OptionalDouble;

/**
 * All per-case scores of one sample set against one case's rater masks; see {@link CaseScorer} for
 * how each is computed.
 *
 * @param ged generalised energy distance (lower is better)
 * @param hmIou Hungarian-matched IoU (higher is better)
 * @param sampleDiversity E[d(S,S')], the mean 1 &minus; IoU between two samples
 * @param sncc PHiSeg's S-NCC, empty when undefined for this case (a constant error map)
 * @param diceOfMeanVsRaters Dice of the mean probability thresholded at 0.5 with each rater mask,
 *     averaged over the raters
 * @param sampleCount N, number of samples
 * @param raterCount M, number of rater masks
 */
public record CaseScores(
    double ged,
    double hmIou,
    double sampleDiversity,
    OptionalDouble sncc,
    double diceOfMeanVsRaters,
    int sampleCount,
    int raterCount) {}
