package org.ambiseg.metrics;

import java.util.OptionalDouble;

/**
 * Scores of a whole evaluation set: means over cases of the {@link CaseScores}, bootstrap intervals
 * for the GED and HM-IoU means, and the pooled ECE.
 *
 * @param caseCount number of cases scored
 * @param sampleCount N, the number of samples per case (the same for every case)
 * @param ged mean GED with its 95 % percentile-bootstrap interval
 * @param hmIou mean HM-IoU with its 95 % percentile-bootstrap interval
 * @param meanSampleDiversity mean E[d(S,S')]
 * @param meanSncc mean S-NCC over the cases where it is defined; empty when it is defined for none
 * @param undefinedSnccCount number of cases without an S-NCC (left out of {@code meanSncc})
 * @param meanDiceOfMeanVsRaters mean of the per-case Dice of the thresholded mean prediction
 * @param ecePercent ECE in percent, pooled over all pixels of all cases
 */
public record DatasetScores(
    int caseCount,
    int sampleCount,
    ConfidenceInterval ged,
    ConfidenceInterval hmIou,
    double meanSampleDiversity,
    OptionalDouble meanSncc,
    int undefinedSnccCount,
    double meanDiceOfMeanVsRaters,
    double ecePercent) {}
