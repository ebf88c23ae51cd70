package org.ambiseg.metrics;

/**
 * A mean with a bootstrap confidence interval.
 *
 * @param mean the mean over the original cases
 * @param lower lower percentile bound (2.5 % for a 95 % interval)
 * @param upper upper percentile bound (97.5 % for a 95 % interval)
 * @param level the coverage, e.g. 0.95
 * @param resamples number of bootstrap resamples
 * @param seed the random seed the resamples were drawn with
 */
public record ConfidenceInterval(
    double mean, double lower, double upper, double level, int resamples, long seed) {}
