package org.ambiseg.io.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;

/**
 * Draws masks from a synthetic case's known distribution: picks an interpretation with its
 * probability, then moves its boundary with {@link BoundaryJitter}, exactly as the generator's
 * raters do. This is the oracle a model's samples are compared with.
 */
public final class TruthSampler {

  private final List<Interpretation> truth;
  private final List<BoundaryJitter> jitters;
  private final double[] cumulative;

  /** A sampler over interpretations whose probabilities sum to 1 (within 1e-6). */
  public TruthSampler(List<Interpretation> truth) {
    if (truth.isEmpty()) {
      throw new IllegalArgumentException("a case needs at least one interpretation");
    }
    this.truth = List.copyOf(truth);
    this.jitters = this.truth.stream().map(t -> BoundaryJitter.prepare(t.mask())).toList();
    this.cumulative = new double[truth.size()];
    double sum = 0;
    for (int i = 0; i < truth.size(); i++) {
      sum += truth.get(i).probability();
      cumulative[i] = sum;
    }
    if (Math.abs(sum - 1.0) > 1e-6) {
      throw new IllegalArgumentException("interpretation probabilities sum to " + sum + ", not 1");
    }
  }

  /** The interpretations, in their stored order. */
  public List<Interpretation> interpretations() {
    return truth;
  }

  /** Index of an interpretation drawn with its probability. */
  public int pickIndex(SplittableRandom rng) {
    double u = rng.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** One oracle sample: a drawn interpretation's mask with rater boundary jitter. */
  public LabelMask sample(SplittableRandom rng) {
    return jitters.get(pickIndex(rng)).sample(rng);
  }

  /** {@code n} oracle samples from a fixed seed (the same seed gives the same masks). */
  public List<LabelMask> samples(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<LabelMask> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(sample(rng));
    }
    return out;
  }
}
