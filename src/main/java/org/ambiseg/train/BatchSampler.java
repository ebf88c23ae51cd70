package org.ambiseg.train;

import java.util.SplittableRandom;

/**
 * Builds the mini-batch of any step from the seed and the step number alone: the data order is a
 * fresh permutation per epoch, and each step's rater choice, augmentation and latent noise come
 * from a random stream seeded by (seed, step). A run resumed at step k therefore sees exactly the
 * batches an uninterrupted run would.
 */
public final class BatchSampler {

  private final TrainingSet data;
  private final int batchSize;
  private final int noiseSize;
  private final int uniformSize;
  private final long seed;
  private final Augmentation augmentation;
  private final float[] normalization;
  private final boolean allRaters;
  private long cachedEpoch = -1;
  private int[] permutation;

  /**
   * A sampler over {@code data}; {@code noiseSize} standard-normal values are drawn per image and
   * images are normalised as (x - mean) / std with {@code meanStd}.
   */
  public BatchSampler(
      TrainingSet data,
      int batchSize,
      int noiseSize,
      long seed,
      Augmentation augmentation,
      float[] meanStd) {
    this(data, batchSize, noiseSize, 0, seed, augmentation, meanStd);
  }

  /** As above, with {@code uniformSize} uniform (0, 1) values per image as well. */
  public BatchSampler(
      TrainingSet data,
      int batchSize,
      int noiseSize,
      int uniformSize,
      long seed,
      Augmentation augmentation,
      float[] meanStd) {
    this(data, batchSize, noiseSize, uniformSize, seed, augmentation, meanStd, false);
  }

  /**
   * As above; with {@code allRaters} each batch also carries every rater's mask of its images (for
   * models trained on all annotations at once). The chosen rater, the transforms and the noise are
   * the same either way.
   */
  public BatchSampler(
      TrainingSet data,
      int batchSize,
      int noiseSize,
      int uniformSize,
      long seed,
      Augmentation augmentation,
      float[] meanStd,
      boolean allRaters) {
    this.allRaters = allRaters;
    this.data = data;
    this.batchSize = batchSize;
    this.noiseSize = noiseSize;
    this.uniformSize = uniformSize;
    this.seed = seed;
    this.augmentation = augmentation;
    this.normalization = meanStd.clone();
  }

  /** The batch of step {@code step}. */
  public TrainingBatch batch(long step) {
    int h = data.height();
    int w = data.width();
    int plane = h * w;
    float[] images = new float[batchSize * plane];
    byte[] masks = new byte[batchSize * plane];
    float[] noise = new float[batchSize * noiseSize];
    SplittableRandom random = new SplittableRandom(mix(seed, step));
    int slots = allRaters ? data.maxRaterCount() : 0;
    byte[] raterMasks = new byte[batchSize * slots * plane];
    int[] raterCounts = new int[allRaters ? batchSize : 0];
    for (int b = 0; b < batchSize; b++) {
      int index = caseAt(step * batchSize + b);
      int count = data.raterCount(index);
      int rater = random.nextInt(count);
      if (!allRaters) {
        augmentation.apply(
            data.image(index),
            data.rater(index, rater),
            w,
            h,
            random,
            images,
            b * plane,
            masks,
            b * plane);
        continue;
      }
      // every rater transformed alike; the chosen one is copied to masks as well
      byte[][] sources = new byte[count][];
      int[] offsets = new int[count];
      for (int r = 0; r < count; r++) {
        sources[r] = data.rater(index, r);
        offsets[r] = (b * slots + r) * plane;
      }
      raterCounts[b] = count;
      augmentation.apply(
          data.image(index), sources, w, h, random, images, b * plane, raterMasks, offsets);
      System.arraycopy(raterMasks, offsets[rater], masks, b * plane, plane);
    }
    for (int i = 0; i < images.length; i++) {
      images[i] = (images[i] - normalization[0]) / normalization[1];
    }
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) random.nextGaussian();
    }
    float[] uniforms = new float[batchSize * uniformSize];
    for (int i = 0; i < uniforms.length; i++) {
      uniforms[i] = (float) random.nextDouble();
    }
    return new TrainingBatch(
        batchSize, 1, h, w, images, masks, noise, uniforms, raterMasks, raterCounts);
  }

  private int caseAt(long position) {
    long epoch = position / data.size();
    if (epoch != cachedEpoch) {
      permutation = permutation(data.size(), new SplittableRandom(mix(seed ^ 0x5EED, epoch)));
      cachedEpoch = epoch;
    }
    return permutation[(int) (position % data.size())];
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** A well-mixed 64-bit seed from two numbers (SplitMix64 finaliser). */
  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
