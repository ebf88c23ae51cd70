package org.ambiseg.io.synth;

/**
 * How a synthetic dataset was generated, stored in truth.json under "generator" so any case can be
 * regenerated: case {@code synth-<i>} is {@code new SynthCaseGenerator(size, seed).generate(i)}.
 *
 * @param seed the generator seed
 * @param size image width and height
 * @param cases total number of cases over all splits
 * @param split the split fractions, as given on the command line
 */
public record GeneratorInfo(long seed, int size, int cases, String split) {}
