package org.ambiseg.metrics;

/**
 * The generalised energy distance of one case and its three terms (see {@link
 * GeneralisedEnergyDistance} for the formula).
 *
 * @param ged 2 E[d(S,Y)] &minus; E[d(S,S')] &minus; E[d(Y,Y')], lower is better
 * @param crossTerm E[d(S,Y)]: mean distance between a sample and a rater mask
 * @param sampleDiversity E[d(S,S')]: mean distance between two samples, self-pairs included (the
 *     "sample diversity" to report next to GED)
 * @param raterDiversity E[d(Y,Y')]: mean distance between two rater masks, self-pairs included
 * @param sampleCount N, the number of samples
 * @param raterCount M, the number of rater masks
 */
public record GedResult(
    double ged,
    double crossTerm,
    double sampleDiversity,
    double raterDiversity,
    int sampleCount,
    int raterCount) {}
