package org.ambiseg.metrics;

import java.util.Arrays;

/**
 * Optimal assignment on a rectangular cost matrix by the Hungarian (Kuhn&ndash;Munkres) method, in
 * its O(n&sup2; m) shortest-augmenting-path form with row and column potentials (Jonker &amp;
 * Volgenant's refinement of Kuhn 1955 / Munkres 1957).
 *
 * <p>For an n x m matrix every row is assigned to a distinct column when n &le; m, and every column
 * to a distinct row when n &gt; m (the other rows stay unassigned), so that the total cost of the
 * assigned cells is minimal. Costs must be finite.
 */
public final class HungarianAlgorithm {

  /** Marks a row that has no column (only when there are more rows than columns). */
  public static final int UNASSIGNED = -1;

  private HungarianAlgorithm() {}

  /**
   * An assignment of minimal total cost: {@code result[i]} is the column of row {@code i}, or
   * {@link #UNASSIGNED}.
   */
  public static int[] minimiseCost(double[][] cost) {
    int rows = cost.length;
    if (rows == 0) {
      return new int[0];
    }
    int cols = cost[0].length;
    for (double[] row : cost) {
      if (row.length != cols) {
        throw new IllegalArgumentException("cost matrix rows differ in length");
      }
      for (double v : row) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("cost matrix holds a non-finite value " + v);
        }
      }
    }
    if (cols == 0) {
      int[] none = new int[rows];
      Arrays.fill(none, UNASSIGNED);
      return none;
    }
    if (rows <= cols) {
      return solve(cost, rows, cols);
    }
    double[][] transposed = new double[cols][rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        transposed[j][i] = cost[i][j];
      }
    }
    int[] colToRow = solve(transposed, cols, rows);
    int[] rowToCol = new int[rows];
    Arrays.fill(rowToCol, UNASSIGNED);
    for (int j = 0; j < cols; j++) {
      rowToCol[colToRow[j]] = j;
    }
    return rowToCol;
  }

  /** An assignment of maximal total weight (the same method on the negated matrix). */
  public static int[] maximiseWeight(double[][] weight) {
    double[][] negated = new double[weight.length][];
    for (int i = 0; i < weight.length; i++) {
      negated[i] = new double[weight[i].length];
      for (int j = 0; j < weight[i].length; j++) {
        negated[i][j] = -weight[i][j];
      }
    }
    return minimiseCost(negated);
  }

  /** Sum of the assigned cells of a matrix. */
  public static double total(double[][] matrix, int[] assignment) {
    double sum = 0;
    for (int i = 0; i < assignment.length; i++) {
      if (assignment[i] != UNASSIGNED) {
        sum += matrix[i][assignment[i]];
      }
    }
    return sum;
  }

  /**
   * Rows are added one at a time; each addition grows a shortest-path tree over the reduced costs
   * {@code cost - u[row] - v[col]} (Dijkstra-like, O(n m) per row) until it reaches a free column,
   * then flips the path. Arrays are 1-based with column 0 as the virtual start.
   */
  private static int[] solve(double[][] cost, int n, int m) {
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] rowOfCol = new int[m + 1];
    int[] previousCol = new int[m + 1];
    double[] minReduced = new double[m + 1];
    boolean[] visited = new boolean[m + 1];
    for (int row = 1; row <= n; row++) {
      rowOfCol[0] = row;
      int col0 = 0;
      Arrays.fill(minReduced, Double.POSITIVE_INFINITY);
      Arrays.fill(visited, false);
      do {
        visited[col0] = true;
        int i0 = rowOfCol[col0];
        double delta = Double.POSITIVE_INFINITY;
        int col1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!visited[j]) {
            double reduced = cost[i0 - 1][j - 1] - u[i0] - v[j];
            if (reduced < minReduced[j]) {
              minReduced[j] = reduced;
              previousCol[j] = col0;
            }
            if (minReduced[j] < delta) {
              delta = minReduced[j];
              col1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (visited[j]) {
            u[rowOfCol[j]] += delta;
            v[j] -= delta;
          } else {
            minReduced[j] -= delta;
          }
        }
        col0 = col1;
      } while (rowOfCol[col0] != 0);
      do {
        int col1 = previousCol[col0];
        rowOfCol[col0] = rowOfCol[col1];
        col0 = col1;
      } while (col0 != 0);
    }
    int[] assignment = new int[n];
    for (int j = 1; j <= m; j++) {
      if (rowOfCol[j] != 0) {
        assignment[rowOfCol[j] - 1] = j - 1;
      }
    }
    return assignment;
  }
}
