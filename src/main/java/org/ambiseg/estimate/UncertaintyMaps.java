package org.ambiseg.estimate;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.ambiseg.core.SampleSet;

/**
 * Per-pixel summaries of a {@link SampleSet}'s spread: where the samples disagree and whether that
 * disagreement is between samples (ambiguity) or within each sample (every sample unsure).
 *
 * <p>With N samples whose foreground probabilities at a pixel are p<sub>1</sub> .. p<sub>N</sub>
 * and the binary entropy H(p) = &minus;p ln p &minus; (1 &minus; p) ln(1 &minus; p) in nats (0 ln 0
 * = 0, see {@link BinaryEntropy}):
 *
 * <ul>
 *   <li>mean m = (1/N) &Sigma;<sub>s</sub> p<sub>s</sub>
 *   <li>variance = (1/N) &Sigma;<sub>s</sub> (p<sub>s</sub> &minus; m)&sup2; &mdash; the population
 *       variance (divides by N, not N &minus; 1), so one sample gives 0 and two samples {0, 1} give
 *       1/4, its largest value
 *   <li>predictive entropy H[E p] = H(m), the total uncertainty
 *   <li>expected entropy E[H p] = (1/N) &Sigma;<sub>s</sub> H(p<sub>s</sub>), the part each sample
 *       carries on its own (aleatoric)
 *   <li>mutual information MI = H[E p] &minus; E[H p], the disagreement between samples (epistemic,
 *       or for a generative model: ambiguity). Jensen's inequality makes it non-negative; values a
 *       rounding error below 0 are clamped to 0. It is at most ln 2.
 *   <li>agreement = fraction of samples whose hard mask is foreground (p<sub>s</sub> &ge; 0.5)
 * </ul>
 *
 * <p>Built in one pass over the samples with Welford's update for mean and variance, in double
 * precision, in blocks of 1024 pixels that run in parallel on the common fork-join pool (the result
 * does not depend on the split); both entropies use {@link BinaryEntropy#fast} (within 1e-7 nats of
 * the exact value), so identical samples give a mutual information of exactly 0. Each map is a
 * row-major float array of width &times; height values. Instances are immutable.
 */
public final class UncertaintyMaps {

  /** Pixels per block of work (accumulators of 1024 pixels take 28 KB). */
  private static final int BLOCK = 1024;

  private final int width;
  private final int height;
  private final int sampleCount;
  private final Map<MapKind, float[]> maps;
  private final Map<MapKind, MapSummary> summaries;

  private UncertaintyMaps(int width, int height, int sampleCount, Map<MapKind, float[]> maps) {
    this.width = width;
    this.height = height;
    this.sampleCount = sampleCount;
    this.maps = maps;
    this.summaries = new EnumMap<>(MapKind.class);
    for (Map.Entry<MapKind, float[]> e : maps.entrySet()) {
      summaries.put(e.getKey(), MapSummary.of(e.getValue()));
    }
  }

  /** Computes every map of a sample set. */
  public static UncertaintyMaps of(SampleSet samples) {
    int pixels = samples.width() * samples.height();
    Map<MapKind, float[]> maps = new EnumMap<>(MapKind.class);
    for (MapKind kind : MapKind.values()) {
      maps.put(kind, new float[pixels]);
    }
    int blocks = (pixels + BLOCK - 1) / BLOCK;
    IntStream.range(0, blocks)
        .parallel()
        .forEach(b -> computeBlock(samples, b * BLOCK, Math.min(pixels, (b + 1) * BLOCK), maps));
    return new UncertaintyMaps(samples.width(), samples.height(), samples.size(), maps);
  }

  /**
   * Fills pixels {@code from} (inclusive) to {@code to} (exclusive) of every map. Blocks are small
   * enough for their accumulators to stay in the first-level cache while every sample streams past,
   * and independent, so they run in parallel with results identical to a sequential run.
   */
  private static void computeBlock(
      SampleSet samples, int from, int to, Map<MapKind, float[]> maps) {
    int n = samples.size();
    int len = to - from;
    double[] mean = new double[len];
    double[] squares = new double[len];
    double[] entropySum = new double[len];
    int[] foreground = new int[len];
    for (int s = 0; s < n; s++) {
      double weight = 1.0 / (s + 1);
      for (int i = 0; i < len; i++) {
        float p = samples.probabilityAt(s, from + i);
        // Welford: running mean and sum of squared deviations
        double delta = p - mean[i];
        mean[i] += delta * weight;
        squares[i] += delta * (p - mean[i]);
        entropySum[i] += BinaryEntropy.fast(p);
        if (p >= 0.5f) {
          foreground[i]++;
        }
      }
    }
    float[] meanMap = maps.get(MapKind.MEAN);
    float[] variance = maps.get(MapKind.VARIANCE);
    float[] predictive = maps.get(MapKind.PREDICTIVE_ENTROPY);
    float[] expected = maps.get(MapKind.EXPECTED_ENTROPY);
    float[] mutual = maps.get(MapKind.MUTUAL_INFORMATION);
    float[] agreement = maps.get(MapKind.AGREEMENT);
    for (int i = 0; i < len; i++) {
      int k = from + i;
      float m = (float) mean[i];
      double h = BinaryEntropy.fast(m);
      double eh = entropySum[i] / n;
      meanMap[k] = m;
      variance[k] = (float) Math.max(0.0, squares[i] / n);
      predictive[k] = (float) h;
      expected[k] = (float) eh;
      mutual[k] = (float) Math.max(0.0, h - eh);
      agreement[k] = (float) foreground[i] / n;
    }
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Number of samples the maps summarise. */
  public int sampleCount() {
    return sampleCount;
  }

  /** A copy of one map, row-major. */
  public float[] map(MapKind kind) {
    return maps.get(kind).clone();
  }

  /** One map's value at flat pixel index {@code pixel} (row-major). */
  public float valueAt(MapKind kind, int pixel) {
    return maps.get(kind)[pixel];
  }

  /** One map's value at column x, row y. */
  public float valueAt(MapKind kind, int x, int y) {
    if (x < 0 || x >= width || y < 0 || y >= height) {
      throw new IndexOutOfBoundsException(
          "pixel (" + x + ", " + y + ") outside " + width + "x" + height);
    }
    return maps.get(kind)[y * width + x];
  }

  /** Min, max and mean of one map. */
  public MapSummary summary(MapKind kind) {
    return summaries.get(kind);
  }

  /** A copy of the mean foreground probability map. */
  public float[] mean() {
    return map(MapKind.MEAN);
  }

  /** A copy of the population variance map. */
  public float[] variance() {
    return map(MapKind.VARIANCE);
  }

  /** A copy of the predictive entropy map H[E p] (nats). */
  public float[] predictiveEntropy() {
    return map(MapKind.PREDICTIVE_ENTROPY);
  }

  /** A copy of the expected entropy map E[H p] (nats). */
  public float[] expectedEntropy() {
    return map(MapKind.EXPECTED_ENTROPY);
  }

  /** A copy of the mutual information map H[E p] &minus; E[H p] (nats). */
  public float[] mutualInformation() {
    return map(MapKind.MUTUAL_INFORMATION);
  }

  /** A copy of the hard-mask foreground agreement map (fraction of samples). */
  public float[] agreement() {
    return map(MapKind.AGREEMENT);
  }

  @Override
  public String toString() {
    return "UncertaintyMaps["
        + width
        + "x"
        + height
        + ", N="
        + sampleCount
        + ", mean MI="
        + summaries.get(MapKind.MUTUAL_INFORMATION).mean()
        + "]";
  }
}
