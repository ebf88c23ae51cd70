package org.ambiseg.io.synth;

import java.util.SplittableRandom;

/**
 * Draws vessels: one running in the slice is a curving, tapering bright tube that may branch,
 * rendered as the maximum of Gaussian cross-sections {@code c * exp(-d^2 / (2 w^2))} stamped every
 * half pixel along a random walk with slowly drifting direction.
 */
final class VesselTree {

  private static final int MAX_BRANCHES = 3;

  private VesselTree() {}

  /** Where a vessel (or branch) starts, where it heads, and how thick, bright and long it is. */
  private record Start(
      double x, double y, double dir, double width, double contrast, double length) {}

  /** Adds one vessel (with branches) to {@code field} by per-pixel maximum. */
  static void draw(float[] field, int size, double s, SplittableRandom rng) {
    double x;
    double y;
    double dir;
    if (rng.nextDouble() < 0.6) {
      // Enters from outside the crop, heading roughly inwards.
      double a = rng.nextDouble() * 2 * Math.PI;
      x = size / 2.0 + 0.75 * size * Math.cos(a);
      y = size / 2.0 + 0.75 * size * Math.sin(a);
      dir = a + Math.PI + Gaussian.uniform(rng, -0.7, 0.7);
    } else {
      x = rng.nextDouble() * size;
      y = rng.nextDouble() * size;
      dir = rng.nextDouble() * 2 * Math.PI;
    }
    double u = rng.nextDouble();
    double width = (0.55 + 1.6 * u * u) * s;
    double contrast = 0.1 + 0.35 * Math.sqrt(u) * Gaussian.uniform(rng, 0.6, 1.0);
    double length = Gaussian.uniform(rng, 40, 150) * s;
    walk(field, size, s, new Start(x, y, dir, width, contrast, length), MAX_BRANCHES, rng);
  }

  /** Adds a vessel running across the slice: a small bright dot. */
  static void crossSection(float[] field, int size, double s, SplittableRandom rng) {
    double x = rng.nextDouble() * size;
    double y = rng.nextDouble() * size;
    double u = rng.nextDouble();
    stamp(field, size, x, y, (0.6 + 1.2 * u * u) * s, 0.12 + 0.3 * Math.sqrt(u));
  }

  private static void walk(
      float[] field, int size, double s, Start start, int branchesLeft, SplittableRandom rng) {
    double x = start.x();
    double y = start.y();
    double dir = start.dir();
    double width = start.width();
    double contrast = start.contrast();
    double step = 0.5;
    int steps = (int) (start.length() / step);
    double turn = 0;
    for (int k = 0; k < steps; k++) {
      double f = 1.0 - 0.6 * k / steps;
      stamp(field, size, x, y, Math.max(0.45 * s, width * f), contrast * (0.6 + 0.4 * f));
      turn = 0.97 * turn + 0.0025 * Gaussian.next(rng);
      dir += turn;
      x += step * Math.cos(dir);
      y += step * Math.sin(dir);
      if (x < -0.3 * size || y < -0.3 * size || x > 1.3 * size || y > 1.3 * size) {
        return;
      }
      if (branchesLeft > 0 && rng.nextDouble() < 0.008) {
        double side = rng.nextBoolean() ? 1 : -1;
        Start branch =
            new Start(
                x,
                y,
                dir + side * Gaussian.uniform(rng, 0.4, 0.9),
                width * f * 0.7,
                contrast * 0.85,
                (steps - k) * step * 0.7);
        walk(field, size, s, branch, branchesLeft - 1, rng);
        branchesLeft--;
      }
    }
  }

  private static void stamp(float[] field, int size, double x, double y, double w, double c) {
    int reach = (int) Math.ceil(3 * w);
    int x0 = Math.max(0, (int) x - reach);
    int x1 = Math.min(size - 1, (int) x + reach);
    int y0 = Math.max(0, (int) y - reach);
    int y1 = Math.min(size - 1, (int) y + reach);
    double inv = 1.0 / (2 * w * w);
    for (int py = y0; py <= y1; py++) {
      for (int px = x0; px <= x1; px++) {
        double d2 = (px - x) * (px - x) + (py - y) * (py - y);
        float v = (float) (c * Math.exp(-d2 * inv));
        int i = py * size + px;
        if (v > field[i]) {
          field[i] = v;
        }
      }
    }
  }
}
