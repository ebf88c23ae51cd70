package org.ambiseg.io.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;

/**
 * Generates synthetic CT-nodule-like cases with known ambiguity: a faint irregular lesion core
 * ({@link RadialShape}), sometimes with a fainter attached lobe, on a {@link ChestBackground}, with
 * blur and correlated noise; the interpretations and their probabilities come from {@link
 * InterpretationModel}, and the raters are {@link TruthSampler} draws. Case {@code i} depends only
 * on (seed, i, size), so every case is reproducible on its own.
 */
public final class SynthCaseGenerator {

  /** Number of rater masks per case. */
  public static final int RATERS = 4;

  private final int size;
  private final long seed;

  /** A generator of {@code size} x {@code size} images (size at least 32) from a seed. */
  public SynthCaseGenerator(int size, long seed) {
    if (size < 32 || size > 2048) {
      throw new IllegalArgumentException("image size must be in 32..2048, got " + size);
    }
    this.size = size;
    this.seed = seed;
  }

  /** The id of case {@code index}. */
  public static String caseId(int index) {
    return String.format("synth-%05d", index);
  }

  /** The random seed of case {@code index}: seed and index mixed by the golden-ratio constant. */
  static long caseSeed(long seed, int index) {
    return seed * 0x9E3779B97F4A7C15L + (index + 1L) * 0xBF58476D1CE4E5B9L;
  }

  /** Generates case {@code index}. */
  public SynthCase generate(int index) {
    SplittableRandom rng = new SplittableRandom(caseSeed(seed, index));
    double s = size / 128.0;
    int n = size * size;

    // Lesion geometry: a wobbly core near the crop centre, sometimes a lobe on its side.
    double cx = size / 2.0 + 2.5 * s * Gaussian.next(rng);
    double cy = size / 2.0 + 2.5 * s * Gaussian.next(rng);
    double r0 = (4.5 + 10.5 * Math.pow(rng.nextDouble(), 1.3)) * s;
    RadialShape core = RadialShape.random(cx, cy, r0, Gaussian.uniform(rng, 0.2, 0.6), rng);
    boolean hasLobe = rng.nextDouble() < 0.6;
    RadialShape lobe = null;
    double extent = r0 * 1.5;
    if (hasLobe) {
      double alpha = rng.nextDouble() * 2 * Math.PI;
      double rl = Math.max(3.5 * s, r0 * Gaussian.uniform(rng, 0.6, 1.0));
      double dist = core.radius(alpha) + rl * Gaussian.uniform(rng, 0.15, 0.45);
      lobe =
          RadialShape.random(
              cx + dist * Math.cos(alpha),
              cy + dist * Math.sin(alpha),
              rl,
              Gaussian.uniform(rng, 0.2, 0.7),
              rng);
      extent = Math.max(extent, dist + 1.5 * rl);
    }
    double coreContrast = Gaussian.uniform(rng, 0.07, 0.55);
    double lobeContrast = hasLobe ? coreContrast * Gaussian.uniform(rng, 0.2, 0.75) : 0;
    double coreEdge = Gaussian.uniform(rng, 0.5, 1.4) * s;
    double lobeEdge = Gaussian.uniform(rng, 1.0, 2.0) * s;

    ChestBackground bg = ChestBackground.render(size, cx, cy, extent + 6 * s, rng);
    float[] coreTexture = ValueNoise.fractal(size, size, 6 * s, 2, 0.5, rng);
    float[] lobeTexture = ValueNoise.fractal(size, size, 5 * s, 2, 0.6, rng);

    float[] coreDistance = core.signedDistanceMap(size);
    float[] lobeDistance = lobe == null ? null : lobe.signedDistanceMap(size);
    float[] img = new float[n];
    boolean[] coreMask = new boolean[n];
    boolean[] lobeMask = new boolean[n];
    for (int i = 0; i < n; i++) {
      double lesion =
          coreContrast
              * RadialShape.membership(coreDistance[i], coreEdge)
              * (1 + 0.15 * coreTexture[i]);
      coreMask[i] = coreDistance[i] < 0;
      if (lobe != null) {
        double l =
            lobeContrast
                * RadialShape.membership(lobeDistance[i], lobeEdge)
                * (1 + 0.35 * lobeTexture[i]);
        lesion = Math.max(lesion, l);
        lobeMask[i] = lobeDistance[i] < 0;
      }
      img[i] = (float) (bg.base[i] + Math.max(bg.vessels[i], lesion * bg.lungWeight[i]));
    }
    double noiseSigma = Gaussian.uniform(rng, 0.008, 0.022);
    img = Filters.binomialBlur(img, size);
    float[] noise = Filters.correlatedNoise(size, noiseSigma, rng);
    for (int i = 0; i < n; i++) {
      double v = Math.max(0, Math.min(1, img[i] + noise[i]));
      img[i] = Math.round(v * 255) / 255f;
    }
    Image2D image = Image2D.grey(size, size, img);

    boolean[] union = coreMask.clone();
    for (int i = 0; i < n; i++) {
      union[i] |= lobeMask[i];
    }
    union = HoleFill.fill(union, size, size);
    double coreMeasured = Contrast.measure(img, coreDistance, lobeDistance, true, s);
    double lobeMeasured =
        lobe == null ? 0 : Contrast.measure(img, coreDistance, lobeDistance, false, s);
    LesionParameters params =
        new LesionParameters(
            coreContrast,
            lobeContrast,
            coreMeasured,
            lobeMeasured,
            r0,
            lobe == null ? 0 : lobe.meanRadius(),
            hasLobe,
            noiseSigma,
            bg.chestWall);

    List<Interpretation> truth = new ArrayList<>();
    Map<String, Double> probs = InterpretationModel.probabilities(coreContrast, lobeContrast);
    for (Map.Entry<String, Double> e : probs.entrySet()) {
      LabelMask mask =
          switch (e.getKey()) {
            case InterpretationModel.CORE -> LabelMask.binary(size, size, coreMask);
            case InterpretationModel.CORE_AND_LOBE -> LabelMask.binary(size, size, union);
            default -> LabelMask.empty(size, size);
          };
      truth.add(new Interpretation(e.getKey(), e.getValue(), mask));
    }
    TruthSampler sampler = new TruthSampler(truth);
    LabelMask[] raters = new LabelMask[RATERS];
    for (int r = 0; r < RATERS; r++) {
      raters[r] = sampler.sample(rng);
    }
    return new SynthCase(caseId(index), image, truth, Arrays.asList(raters), params);
  }
}
