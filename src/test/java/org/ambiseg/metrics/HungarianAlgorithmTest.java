package org.ambiseg.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HungarianAlgorithmTest {

  private static final double TOL = 1e-9;

  @Test
  void solvesAKnownSquareCase() {
    double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    int[] match = HungarianAlgorithm.minimiseCost(cost);
    assertArrayEquals(new int[] {1, 0, 2}, match);
    assertEquals(5.0, HungarianAlgorithm.total(cost, match), TOL);
  }

  @Test
  void maximisesWeight() {
    double[][] weight = {{0.5, 0.0}, {1.0, 0.0}};
    int[] match = HungarianAlgorithm.maximiseWeight(weight);
    assertArrayEquals(new int[] {1, 0}, match);
  }

  @Test
  void matchesBruteForceOnRandomRectangularCases() {
    Random random = new Random(42);
    for (int trial = 0; trial < 400; trial++) {
      int rows = 1 + random.nextInt(7);
      int cols = 1 + random.nextInt(7);
      double[][] cost = new double[rows][cols];
      for (double[] row : cost) {
        for (int j = 0; j < cols; j++) {
          // Coarse values make ties common, which is where matchers go wrong.
          row[j] = trial % 2 == 0 ? random.nextInt(4) : random.nextDouble() * 10 - 5;
        }
      }
      int[] match = HungarianAlgorithm.minimiseCost(cost);
      assertValidAssignment(match, rows, cols);
      assertEquals(
          bruteForceMinimum(cost),
          HungarianAlgorithm.total(cost, match),
          TOL,
          "trial " + trial + " (" + rows + "x" + cols + ")");
    }
  }

  @Test
  void rejectsNonFiniteCosts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> HungarianAlgorithm.minimiseCost(new double[][] {{1, Double.NaN}}));
  }

  private static void assertValidAssignment(int[] match, int rows, int cols) {
    assertEquals(rows, match.length);
    Set<Integer> used = new HashSet<>();
    int assigned = 0;
    for (int col : match) {
      if (col != HungarianAlgorithm.UNASSIGNED) {
        assertTrue(col >= 0 && col < cols, "column out of range");
        assertTrue(used.add(col), "column used twice");
        assigned++;
      }
    }
    assertEquals(Math.min(rows, cols), assigned);
  }

  /** Minimum over all injective maps from the smaller side into the larger one. */
  private static double bruteForceMinimum(double[][] cost) {
    int rows = cost.length;
    int cols = cost[0].length;
    if (rows <= cols) {
      return search(cost, 0, new boolean[cols]);
    }
    double[][] t = new double[cols][rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j][i] = cost[i][j];
      }
    }
    return search(t, 0, new boolean[rows]);
  }

  private static double search(double[][] cost, int row, boolean[] used) {
    if (row == cost.length) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j < used.length; j++) {
      if (!used[j]) {
        used[j] = true;
        best = Math.min(best, cost[row][j] + search(cost, row + 1, used));
        used[j] = false;
      }
    }
    return best;
  }
}
