package org.ambiseg.metrics;

import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.Interpretation;

/**
 * How often a model's samples reproduce each known interpretation of a synthetic case, compared
 * with the truth probabilities.
 *
 * <p>Each sample goes to the interpretation of highest IoU with it ({@link Overlap} conventions, so
 * an empty sample matches an empty interpretation with IoU 1; ties go to the first listed). A
 * sample whose best IoU is 0 resembles no interpretation and is counted as unmatched. With n_k
 * samples assigned to interpretation k out of N samples, observed_k = n_k / N (unmatched samples
 * stay in N, so the observed frequencies sum to 1 &minus; unmatched / N) and
 *
 * <pre>
 * meanAbsoluteErrorPp = 100 / K &Sigma;_k | observed_k &minus; truth_k |
 * </pre>
 *
 * in percentage points over the K interpretations.
 *
 * @param names interpretation names, in the given order
 * @param truth truth probabilities, in the same order
 * @param observed observed frequencies, in the same order
 * @param counts samples assigned to each interpretation
 * @param unmatched samples with IoU 0 to every interpretation
 * @param meanAbsoluteErrorPp mean |observed &minus; truth| in percentage points
 */
public record InterpretationFrequencies(
    List<String> names,
    List<Double> truth,
    List<Double> observed,
    List<Integer> counts,
    int unmatched,
    double meanAbsoluteErrorPp) {

  /** Copies the lists. */
  public InterpretationFrequencies {
    names = List.copyOf(names);
    truth = List.copyOf(truth);
    observed = List.copyOf(observed);
    counts = List.copyOf(counts);
  }

  /** Assigns every sample (a foreground array) to its closest interpretation and compares. */
  public static InterpretationFrequencies of(
      List<boolean[]> samples, List<Interpretation> interpretations) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples to assign");
    }
    if (interpretations.isEmpty()) {
      throw new IllegalArgumentException("no interpretations to assign samples to");
    }
    List<BitMask> targets = new ArrayList<>(interpretations.size());
    for (Interpretation in : interpretations) {
      targets.add(BitMask.of(in.mask()));
    }
    int k = targets.size();
    int[] counts = new int[k];
    int unmatched = 0;
    for (boolean[] s : samples) {
      BitMask mask = BitMask.of(s);
      int best = -1;
      double bestIou = 0;
      for (int t = 0; t < k; t++) {
        double iou = Overlap.iou(mask, targets.get(t));
        if (iou > bestIou) {
          bestIou = iou;
          best = t;
        }
      }
      if (best < 0) {
        unmatched++;
      } else {
        counts[best]++;
      }
    }
    List<String> names = new ArrayList<>(k);
    List<Double> truth = new ArrayList<>(k);
    List<Double> observed = new ArrayList<>(k);
    List<Integer> countList = new ArrayList<>(k);
    double error = 0;
    for (int t = 0; t < k; t++) {
      Interpretation in = interpretations.get(t);
      double freq = (double) counts[t] / samples.size();
      names.add(in.name());
      truth.add(in.probability());
      observed.add(freq);
      countList.add(counts[t]);
      error += Math.abs(freq - in.probability());
    }
    return new InterpretationFrequencies(
        names, truth, observed, countList, unmatched, 100.0 * error / k);
  }
}
