package org.ambiseg.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.Case;
import org.ambiseg.core.SampleSet;
import org.ambiseg.metrics.CaseScorer;
import org.ambiseg.metrics.CaseScores;

/**
 * Scores a model on the selection set (patients held out of the training data, never the validation
 * split used for reported numbers): mean GED, HM-IoU and sample diversity E[d(S,S')] over the cases
 * with {@code samples} samples each, and the fraction of empty samples.
 */
public final class SelectionValidator implements Validator {

  private final List<Case> cases;
  private final int samples;
  private final long seed;

  /** Validates on {@code cases} with {@code samples} samples per case drawn from {@code seed}. */
  public SelectionValidator(List<Case> cases, int samples, long seed) {
    this.cases = List.copyOf(cases);
    this.samples = samples;
    this.seed = seed;
  }

  @Override
  public Map<String, Double> validate(TrainableModel model, long step) {
    double ged = 0;
    double hmIou = 0;
    double diversity = 0;
    long emptySamples = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      SampleSet set =
          SampleSet.of(
              c.image().width(),
              c.image().height(),
              model.sample(c.image(), samples, seed + i),
              model.modelType(),
              seed + i);
      CaseScores scores = CaseScorer.score(set, c.raters());
      ged += scores.ged();
      hmIou += scores.hmIou();
      diversity += scores.sampleDiversity();
      for (int s = 0; s < set.size(); s++) {
        boolean any = false;
        for (boolean b : set.foreground(s)) {
          any |= b;
        }
        emptySamples += any ? 0 : 1;
      }
    }
    int n = Math.max(1, cases.size());
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("ged", ged / n);
    out.put("hm_iou", hmIou / n);
    out.put("diversity", diversity / n);
    out.put("empty_fraction", emptySamples / (double) (n * samples));
    out.put("cases", (double) cases.size());
    return out;
  }
}
