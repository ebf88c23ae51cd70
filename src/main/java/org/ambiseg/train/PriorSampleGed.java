package org.ambiseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A training term on samples of the Prob U-Net's <em>prior</em>: the generalized energy distance
 * (the GED of evaluation, with one rater) between K prior samples and the step's rater mask,
 *
 * <pre>
 *   GED_b = (1/K) sum_k d(S_k, Y) - 1/(2 K (K-1)) sum_{k != k'} d(S_k, S_k')
 *   d(A, B) = 1 - (sum A*B + 1) / (sum A + sum B - sum A*B + 1)          (soft IoU distance)
 * </pre>
 *
 * averaged over the batch, with S_k the foreground probabilities of sample k and Y the rater's
 * foreground. The +1 makes two empty masks identical (d = 0) and an empty and a non-empty mask
 * almost as far apart as possible, as in evaluation. The energy distance is a proper scoring rule:
 * in expectation over the raters it is smallest when the samples are distributed like the raters'
 * masks, so it pulls the prior's mass towards each interpretation in its proportion. The ELBO
 * trains the decoder only on posterior samples of the raters' masks; values of z in between, which
 * the prior also proposes, decode to whatever the smooth decoder makes of them (shrunken cores on
 * the shapes data, README), and this term is what trains them.
 */
public final class PriorSampleGed {

  /** Prior samples per image in each training step. */
  public static final int SAMPLES = 4;

  private final float weight;

  /** The term with weight {@code weight} (finite, &gt;= 0; 0 = off). */
  public PriorSampleGed(float weight) {
    if (!(weight >= 0) || Float.isInfinite(weight)) {
      throw new IllegalArgumentException("prior GED weight must be finite and >= 0, got " + weight);
    }
    this.weight = weight;
  }

  /** The weight of the term in the loss. */
  public float weight() {
    return weight;
  }

  /** Whether the term is on (weight &gt; 0). */
  public boolean enabled() {
    return weight > 0;
  }

  /**
   * The batch mean of GED_b (a scalar, unweighted) from the logits of {@link #SAMPLES} prior
   * samples per image ((B &middot; K) x C x H x W, the K samples of image b consecutive) and the
   * one-hot rater masks (B x C x H x W); class 0 is background.
   */
  public static NDArray compute(NDArray sampleLogits, NDArray oneHot, int samples) {
    Shape s = oneHot.getShape();
    long batch = s.get(0);
    long pixels = s.get(2) * s.get(3);
    if (sampleLogits.getShape().get(0) != batch * samples) {
      throw new IllegalArgumentException(
          sampleLogits.getShape() + " logits are not " + samples + " samples of " + s);
    }
    NDArray fg = foreground(sampleLogits.softmax(1)).reshape(batch, samples, pixels);
    NDArray target = foreground(oneHot).reshape(batch, 1, pixels);
    // distance of each sample to the rater's mask: (B, K)
    NDArray toRater =
        softIouDistance(
            fg.mul(target).sum(new int[] {2}), fg.sum(new int[] {2}), target.sum(new int[] {2}));
    // distances between samples: (B, K, K), the diagonal masked out
    NDArray mass = fg.sum(new int[] {2});
    NDArray overlap =
        fg.reshape(batch, samples, 1, pixels)
            .mul(fg.reshape(batch, 1, samples, pixels))
            .sum(new int[] {3});
    NDArray between =
        softIouDistance(overlap, mass.reshape(batch, samples, 1), mass.reshape(batch, 1, samples));
    NDArray offDiagonal = offDiagonal(sampleLogits.getManager(), samples);
    NDArray spread =
        between.mul(offDiagonal).reshape(batch, -1).sum(new int[] {1}).div(samples * (samples - 1));
    NDArray ged = toRater.mean(new int[] {1}).sub(spread.mul(0.5f));
    return ged.mean();
  }

  /** 1 - (overlap + 1) / (a + b - overlap + 1), broadcast over the shapes given. */
  private static NDArray softIouDistance(NDArray overlap, NDArray massA, NDArray massB) {
    NDArray union = massA.add(massB).sub(overlap).add(1f);
    return overlap.add(1f).div(union).neg().add(1f);
  }

  /** 1 - the background channel: foreground probability (B x H x W). */
  private static NDArray foreground(NDArray probabilities) {
    return probabilities.get(":, 0").neg().add(1f);
  }

  private static NDArray offDiagonal(NDManager manager, int k) {
    return manager.eye(k).neg().add(1f).toType(DataType.FLOAT32, false);
  }
}
