package org.ambiseg.io.synth;

import java.util.SplittableRandom;
import org.ambiseg.core.LabelMask;

/**
 * Rater-to-rater boundary variation: moves a mask's boundary outwards or inwards by a smooth,
 * direction-dependent offset {@code t + sum_k b_k cos(k theta + psi_k)} (k = 1..4) pixels, where
 * theta is the angle around the mask's centroid. The offset scale grows with the mask's equivalent
 * radius (0.12 px per pixel of radius, clamped to 0.6..2 px), with t uniform in [-scale, scale] and
 * b_k uniform in [0, 0.8 scale / sqrt(k)]. Holes left by the move are filled.
 *
 * <p>{@link #prepare} computes the mask's signed distance map once, so many jittered copies of the
 * same mask are cheap.
 */
public final class BoundaryJitter {

  private static final int HARMONICS = 4;

  private final LabelMask mask;
  private final float[] signed;
  private final double cx;
  private final double cy;
  private final double scale;

  private BoundaryJitter(LabelMask mask, float[] signed, double cx, double cy, double scale) {
    this.mask = mask;
    this.signed = signed;
    this.cx = cx;
    this.cy = cy;
    this.scale = scale;
  }

  /** Prepares a mask for jittering (signed distance to its boundary, centroid, offset scale). */
  public static BoundaryJitter prepare(LabelMask mask) {
    int w = mask.width();
    int h = mask.height();
    boolean[] fg = mask.foreground();
    int area = 0;
    double sx = 0;
    double sy = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (fg[y * w + x]) {
          area++;
          sx += x;
          sy += y;
        }
      }
    }
    if (area == 0) {
      return new BoundaryJitter(mask, null, 0, 0, 0);
    }
    boolean[] bg = new boolean[fg.length];
    for (int i = 0; i < fg.length; i++) {
      bg[i] = !fg[i];
    }
    float[] toBackground = ChamferDistance.toNearest(bg, w, h);
    float[] toForeground = ChamferDistance.toNearest(fg, w, h);
    float[] signed = new float[fg.length];
    for (int i = 0; i < fg.length; i++) {
      signed[i] = fg[i] ? -(toBackground[i] - 0.5f) : toForeground[i] - 0.5f;
    }
    double scale = Math.max(0.6, Math.min(2.0, 0.12 * Math.sqrt(area / Math.PI)));
    return new BoundaryJitter(mask, signed, sx / area, sy / area, scale);
  }

  /** A jittered copy of a binary mask; an empty mask stays empty and a non-empty one non-empty. */
  public static LabelMask apply(LabelMask mask, SplittableRandom rng) {
    return prepare(mask).sample(rng);
  }

  /** One jittered copy of the prepared mask (the mask itself when it is empty). */
  public LabelMask sample(SplittableRandom rng) {
    if (signed == null) {
      return mask;
    }
    int w = mask.width();
    int h = mask.height();
    double shift = Gaussian.uniform(rng, -1.0, 1.0) * scale;
    double[] amp = new double[HARMONICS];
    double[] phase = new double[HARMONICS];
    double reach = Math.abs(shift);
    for (int k = 0; k < HARMONICS; k++) {
      amp[k] = rng.nextDouble() * 0.8 * scale / Math.sqrt(k + 1.0);
      phase[k] = rng.nextDouble() * 2 * Math.PI;
      reach += amp[k];
    }
    boolean[] out = new boolean[signed.length];
    boolean any = false;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = y * w + x;
        float d = signed[i];
        if (Math.abs(d) > reach) {
          out[i] = d < 0; // too far from the boundary for any offset to matter
        } else {
          double theta = Math.atan2(y - cy, x - cx);
          double offset = shift;
          for (int k = 0; k < HARMONICS; k++) {
            offset += amp[k] * Math.cos((k + 1) * theta + phase[k]);
          }
          out[i] = d < offset;
        }
        any |= out[i];
      }
    }
    return any ? LabelMask.binary(w, h, HoleFill.fill(out, w, h)) : mask;
  }
}
