package org.ambiseg.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * N sampled segmentations of one image, each a per-pixel foreground probability map (row-major,
 * values in [0, 1]), together with the estimator and seed that produced them and, for estimators
 * that draw from groups of their own (MoSE's experts), each sample's group.
 */
public final class SampleSet {

  private final int width;
  private final int height;
  private final List<float[]> probabilities;
  private final String estimator;
  private final long seed;
  private final SampleGroups groups;

  private SampleSet(
      int width,
      int height,
      List<float[]> probabilities,
      String estimator,
      long seed,
      SampleGroups groups) {
    this.width = width;
    this.height = height;
    this.probabilities = probabilities;
    this.estimator = estimator;
    this.seed = seed;
    this.groups = groups;
  }

  /** Builds a set from probability maps (each copied and checked for size and range). */
  public static SampleSet of(
      int width, int height, List<float[]> probabilities, String estimator, long seed) {
    if (probabilities.isEmpty()) {
      throw new IllegalArgumentException("a sample set needs at least one sample");
    }
    List<float[]> copies = new ArrayList<>(probabilities.size());
    for (int s = 0; s < probabilities.size(); s++) {
      float[] p = probabilities.get(s);
      if (p.length != width * height) {
        throw new IllegalArgumentException(
            "sample " + s + " has " + p.length + " values, expected " + (width * height));
      }
      for (float v : p) {
        if (!(v >= 0f && v <= 1f)) {
          throw new IllegalArgumentException("sample " + s + " has a probability " + v);
        }
      }
      copies.add(p.clone());
    }
    return new SampleSet(width, height, List.copyOf(copies), estimator, seed, null);
  }

  /** Builds a set from hard masks (probability 1 on the foreground, 0 elsewhere). */
  public static SampleSet ofMasks(List<LabelMask> masks, String estimator, long seed) {
    if (masks.isEmpty()) {
      throw new IllegalArgumentException("a sample set needs at least one sample");
    }
    int w = masks.get(0).width();
    int h = masks.get(0).height();
    List<float[]> probs = new ArrayList<>();
    for (LabelMask m : masks) {
      if (m.width() != w || m.height() != h) {
        throw new IllegalArgumentException("masks of different sizes in one sample set");
      }
      boolean[] fg = m.foreground();
      float[] p = new float[fg.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = fg[i] ? 1f : 0f;
      }
      probs.add(p);
    }
    return new SampleSet(w, h, List.copyOf(probs), estimator, seed, null);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /**
   * The same samples with the groups the estimator drew them from (see {@link SampleGroups}).
   *
   * @throws IllegalArgumentException when {@code g} does not give one group per sample
   */
  public SampleSet withGroups(SampleGroups g) {
    if (g.groupOf().length != size()) {
      throw new IllegalArgumentException(
          "groups for " + g.groupOf().length + " samples given to a set of " + size());
    }
    return new SampleSet(width, height, probabilities, estimator, seed, g);
  }

  /** The groups the estimator drew the samples from; empty for estimators without groups. */
  public Optional<SampleGroups> groups() {
    return Optional.ofNullable(groups);
  }

  /** Number of samples. */
  public int size() {
    return probabilities.size();
  }

  /** Name of the estimator that produced the samples. */
  public String estimator() {
    return estimator;
  }

  /** Seed the samples were drawn with. */
  public long seed() {
    return seed;
  }

  /** A copy of sample {@code i}'s foreground probabilities. */
  public float[] probability(int i) {
    return probabilities.get(i).clone();
  }

  /** Foreground probability of sample {@code i} at flat index {@code pixel}, without copying. */
  public float probabilityAt(int i, int pixel) {
    return probabilities.get(i)[pixel];
  }

  /** Sample {@code i} as a hard mask: foreground where the probability is at least 0.5. */
  public boolean[] foreground(int i) {
    float[] p = probabilities.get(i);
    boolean[] out = new boolean[p.length];
    for (int k = 0; k < p.length; k++) {
      out[k] = p[k] >= 0.5f;
    }
    return out;
  }

  /** Sample {@code i} as a binary {@link LabelMask}. */
  public LabelMask mask(int i) {
    return LabelMask.binary(width, height, foreground(i));
  }

  /** All samples as hard masks. */
  public List<boolean[]> foregrounds() {
    List<boolean[]> out = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      out.add(foreground(i));
    }
    return out;
  }
}
