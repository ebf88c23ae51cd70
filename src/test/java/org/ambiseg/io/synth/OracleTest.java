package org.ambiseg.io.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.ambiseg.io.ImageReader;
import org.ambiseg.metrics.GeneralisedEnergyDistance;
import org.junit.jupiter.api.Test;

/**
 * The oracle on the shipped test split: samples drawn from truth.json itself must reproduce the
 * interpretation frequencies, and their GED to the raters is the floor a model is measured against.
 */
class OracleTest {

  private static final Path SAMPLE = Path.of("sample-data");
  private static final int SAMPLES = 100;

  private static List<LabelMask> raters(Path dir, String id) throws Exception {
    List<LabelMask> out = new ArrayList<>();
    for (int r = 0; r < SynthCaseGenerator.RATERS; r++) {
      out.add(ImageReader.readMask(dir.resolve("masks/" + id + "/r" + r + ".png")));
    }
    return out;
  }

  private static List<boolean[]> foregrounds(List<LabelMask> masks) {
    return masks.stream().map(LabelMask::foreground).toList();
  }

  private static int closest(List<Interpretation> truth, LabelMask sample) {
    int best = 0;
    double bestIou = -1;
    for (int k = 0; k < truth.size(); k++) {
      double iou = SynthMetrics.iou(truth.get(k).mask(), sample);
      if (iou > bestIou) {
        bestIou = iou;
        best = k;
      }
    }
    return best;
  }

  @Test
  void oracleSamplesMatchTheTruthAndGiveTheGedFloor() throws Exception {
    Path dir = SAMPLE.resolve("test");
    SynthTruth truth = SynthTruthJson.read(dir);
    assertTrue(truth.cases().size() >= 30, "test split has " + truth.cases().size() + " cases");
    double sumMeanError = 0;
    double sumMaxError = 0;
    double sumGed = 0;
    double sumModeGed = 0;
    int index = 0;
    for (Map.Entry<String, List<Interpretation>> e : truth.cases().entrySet()) {
      List<Interpretation> interps = e.getValue();
      TruthSampler sampler = new TruthSampler(interps);
      List<LabelMask> samples = sampler.samples(SAMPLES, 1000 + index++);
      int[] hits = new int[interps.size()];
      for (LabelMask s : samples) {
        hits[closest(interps, s)]++;
      }
      double meanErr = 0;
      double maxErr = 0;
      for (int k = 0; k < interps.size(); k++) {
        double err = Math.abs(hits[k] / (double) SAMPLES - interps.get(k).probability());
        meanErr += err / interps.size();
        maxErr = Math.max(maxErr, err);
      }
      sumMeanError += meanErr;
      sumMaxError += maxErr;

      List<LabelMask> raters = raters(dir, e.getKey());
      double caseGed = SynthMetrics.gedSquared(samples, raters);
      if (index == 1) {
        // Same number as the project's metric (biased form with self-pairs, d = 1 - IoU).
        assertEquals(
            GeneralisedEnergyDistance.compute(foregrounds(samples), foregrounds(raters)).ged(),
            caseGed,
            1e-12);
      }
      sumGed += caseGed;
      // A baseline that ignores the ambiguity: always the most probable interpretation, jittered.
      Interpretation mode = interps.get(0);
      for (Interpretation t : interps) {
        if (t.probability() > mode.probability()) {
          mode = t;
        }
      }
      SplittableRandom rng = new SplittableRandom(index);
      BoundaryJitter modeJitter = BoundaryJitter.prepare(mode.mask());
      List<LabelMask> modeSamples = new ArrayList<>();
      for (int s = 0; s < SAMPLES; s++) {
        modeSamples.add(modeJitter.sample(rng));
      }
      sumModeGed += SynthMetrics.gedSquared(modeSamples, raters);
    }
    int n = truth.cases().size();
    double meanError = sumMeanError / n;
    double ged = sumGed / n;
    double modeGed = sumModeGed / n;
    System.out.printf(
        "oracle on %d test cases, %d samples each: frequency error mean %.4f, max-per-case %.4f%n",
        n, SAMPLES, meanError, sumMaxError / n);
    System.out.printf(
        "oracle GED (d = 1 - IoU, self-pairs kept) = %.4f; mode-only baseline GED = %.4f%n",
        ged, modeGed);
    assertTrue(meanError < 0.10, "frequency error " + meanError);
    assertTrue(ged < modeGed, "oracle " + ged + " not below the mode-only baseline " + modeGed);
  }

  @Test
  void shippedProbabilitiesFollowTheLobeContrast() throws Exception {
    SynthTruth truth = SynthTruthJson.read(SAMPLE.resolve("train"));
    int n = truth.cases().size();
    double[] lobe = new double[n];
    double[] pLobe = new double[n];
    int i = 0;
    for (Map.Entry<String, List<Interpretation>> e : truth.cases().entrySet()) {
      lobe[i] = truth.parameters().get(e.getKey()).lobeContrastMeasured();
      for (Interpretation t : e.getValue()) {
        if (t.name().equals(InterpretationModel.CORE_AND_LOBE)) {
          pLobe[i] = t.probability();
        }
      }
      i++;
    }
    double r = SynthMetrics.pearson(lobe, pLobe);
    System.out.printf("shipped train: corr(measured lobe contrast, P(core+lobe)) = %.3f%n", r);
    assertTrue(r > 0.5, "correlation " + r);
  }

  @Test
  void shippedDataIsWhatTheGeneratorMakes() throws Exception {
    Path dir = SAMPLE.resolve("test");
    SynthTruth truth = SynthTruthJson.read(dir);
    SynthSettings info = truth.generator().orElseThrow();
    SynthCaseGenerator g = new SynthCaseGenerator(info.size(), info.seed());
    List<String> ids = List.copyOf(truth.cases().keySet()).subList(0, 3);
    for (String id : ids) {
      SynthCase c = g.generate(Integer.parseInt(id.substring("synth-".length())));
      assertEquals(c.image(), ImageReader.readImage(dir.resolve("images/" + id + ".png")));
      assertEquals(c.raters(), raters(dir, id));
      assertEquals(c.truth(), truth.cases().get(id));
    }
    assertTrue(Files.exists(SAMPLE.resolve("README.md")));
  }

  @Test
  void metricHelpersGiveHandValues() {
    LabelMask a = LabelMask.binary(2, 2, new boolean[] {true, true, false, false});
    LabelMask b = LabelMask.binary(2, 2, new boolean[] {true, false, true, false});
    LabelMask empty = LabelMask.empty(2, 2);
    assertEquals(1.0 / 3, SynthMetrics.iou(a, b), 1e-12);
    assertEquals(1.0, SynthMetrics.iou(empty, empty));
    assertEquals(0.0, SynthMetrics.iou(a, empty));
    // S = {a}, Y = {b}: 2 * (2/3) - 0 - 0
    assertEquals(4.0 / 3, SynthMetrics.gedSquared(List.of(a), List.of(b)), 1e-12);
    assertEquals(0.0, SynthMetrics.gedSquared(List.of(a, a), List.of(a)), 1e-12);
  }
}
