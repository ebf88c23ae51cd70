/**
 * Synthetic ambiguous dataset: lesion-like grey images whose rater masks come from a known,
 * image-dependent distribution over interpretations, so a model's samples can be checked against
 * the truth.
 */
package org.ambiseg.io.synth;
