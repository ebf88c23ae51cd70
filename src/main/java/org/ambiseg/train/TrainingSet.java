package org.ambiseg.train;

import java.util.List;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;

/**
 * Training cases held compactly for fast batching: grey images as float arrays and each case's
 * rater masks as byte arrays. All cases must share one size and have at least one rater.
 */
public final class TrainingSet {

  private final int width;
  private final int height;
  private final float[][] images;
  private final byte[][][] raters;

  /** Copies the cases' pixels; throws IllegalArgumentException naming a case of the wrong size. */
  public TrainingSet(List<Case> cases) {
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no training cases");
    }
    Image2D first = cases.get(0).image();
    width = first.width();
    height = first.height();
    images = new float[cases.size()][];
    raters = new byte[cases.size()][][];
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (c.image().width() != width || c.image().height() != height) {
        throw new IllegalArgumentException(
            "case "
                + c.id()
                + " is "
                + c.image().width()
                + "x"
                + c.image().height()
                + " but training needs one size ("
                + width
                + "x"
                + height
                + ")");
      }
      if (c.raters().isEmpty()) {
        throw new IllegalArgumentException("case " + c.id() + " has no rater mask to train on");
      }
      images[i] = c.image().toGrey().pixels();
      raters[i] = new byte[c.raters().size()][];
      for (int r = 0; r < c.raters().size(); r++) {
        LabelMask m = c.raters().get(r);
        raters[i][r] = m.labels();
      }
    }
  }

  public int size() {
    return images.length;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The grey pixels of case {@code i} (shared, do not modify). */
  float[] image(int i) {
    return images[i];
  }

  /** Rater count of case {@code i}. */
  int raterCount(int i) {
    return raters[i].length;
  }

  /** The largest rater count of any case. */
  int maxRaterCount() {
    int max = 0;
    for (byte[][] r : raters) {
      max = Math.max(max, r.length);
    }
    return max;
  }

  /** Rater {@code r}'s mask of case {@code i} (shared, do not modify). */
  byte[] rater(int i, int r) {
    return raters[i][r];
  }

  /** Mean and standard deviation of all pixels (for the model's input normalisation). */
  public float[] intensityStatistics() {
    double sum = 0;
    double sumSq = 0;
    long n = 0;
    for (float[] img : images) {
      for (float v : img) {
        sum += v;
        sumSq += (double) v * v;
      }
      n += img.length;
    }
    double mean = sum / n;
    double var = Math.max(sumSq / n - mean * mean, 1e-12);
    return new float[] {(float) mean, (float) Math.sqrt(var)};
  }
}
