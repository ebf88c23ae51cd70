package org.ambiseg.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The convex hull of integer points by Andrew's monotone chain, with exact {@code long} cross
 * products; collinear points on the hull's edges are dropped.
 */
final class ConvexHull {

  private ConvexHull() {}

  /** The hull's vertices in counter-clockwise order (all distinct points when fewer than three). */
  static List<int[]> of(List<int[]> points) {
    List<int[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
    List<int[]> unique = new ArrayList<>();
    for (int[] p : sorted) {
      int[] prev = unique.isEmpty() ? null : unique.get(unique.size() - 1);
      if (prev == null || prev[0] != p[0] || prev[1] != p[1]) {
        unique.add(p);
      }
    }
    if (unique.size() < 3) {
      return unique;
    }
    List<int[]> hull = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      int start = hull.size();
      for (int k = 0; k < unique.size(); k++) {
        int[] p = unique.get(pass == 0 ? k : unique.size() - 1 - k);
        while (hull.size() >= start + 2
            && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) <= 0) {
          hull.remove(hull.size() - 1);
        }
        hull.add(p);
      }
      hull.remove(hull.size() - 1); // the chain's last point starts the other chain
    }
    return hull;
  }

  /** Cross product of (a -> b) and (a -> c); positive for a counter-clockwise turn. */
  private static long cross(int[] a, int[] b, int[] c) {
    return (long) (b[0] - a[0]) * (c[1] - a[1]) - (long) (b[1] - a[1]) * (c[0] - a[0]);
  }
}
