package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sinkhorn against brute-force optimal assignments and a hand-solved unequal-weight example. */
class SinkhornTransportTest {

  /**
   * epsilon 1e-3 of the cost range: the entropic cost is within 2e-3 of the range of the optimum.
   */
  private static final SinkhornTransport SHARP = new SinkhornTransport(1e-3, 3000);

  @Test
  void uniformFourByFourMatchesTheBestPermutation() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 20; trial++) {
      double[][] cost = new double[4][4];
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] row : cost) {
        for (int j = 0; j < 4; j++) {
          row[j] = random.nextDouble() * 1000;
          min = Math.min(min, row[j]);
          max = Math.max(max, row[j]);
        }
      }
      double best = bestPermutationCost(cost) / 4;
      double[] quarter = {0.25, 0.25, 0.25, 0.25};
      SinkhornTransport.Plan plan = SHARP.solve(cost, quarter, quarter);
      double tolerance = 2e-3 * (max - min);
      assertEquals(
          best, plan.cost(), tolerance, "trial " + trial + ", rows " + plan.rowMarginalError());
      assertTrue(plan.rowMarginalError() < 1e-3, "rows " + plan.rowMarginalError());
    }
  }

  @Test
  void unequalWeightsMatchTheHandSolvedPlan() {
    // rows weigh 0.7 and 0.3, columns 0.2, 0.3, 0.5. Moving mass of column j from row 0 to row 1
    // changes the cost by C1j - C0j = +2, -3, +3: row 1 takes all of column 1 (0.3, exactly its
    // weight), row 0 the rest. Plan [[0.2, 0, 0.5], [0, 0.3, 0]], cost 0.2 + 1.0 + 0.3 = 1.5.
    double[][] cost = {{1, 4, 2}, {3, 1, 5}};
    SinkhornTransport.Plan plan =
        SHARP.solve(cost, new double[] {0.7, 0.3}, new double[] {0.2, 0.3, 0.5});
    double[][] expected = {{0.2, 0, 0.5}, {0, 0.3, 0}};
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(expected[i][j], plan.plan()[i][j], 1e-3, "plan[" + i + "][" + j + "]");
      }
    }
    assertEquals(1.5, plan.cost(), 1e-3);
  }

  @Test
  void constantShiftsAndScalesOfTheCostLeaveThePlanUnchanged() {
    double[][] cost = {{1, 4, 2}, {3, 1, 5}};
    double[][] scaled = {{1010, 1040, 1020}, {1030, 1010, 1050}};
    double[] a = {0.5, 0.5};
    double[] b = {0.3, 0.3, 0.4};
    double[][] p = SinkhornTransport.DEFAULT.solve(cost, a, b).plan();
    double[][] q = SinkhornTransport.DEFAULT.solve(scaled, a, b).plan();
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(p[i][j], q[i][j], 1e-9);
      }
    }
  }

  @Test
  void semiRelaxedPlanSendsEachColumnToItsCheapestRows() {
    // column 0 is cheapest at row 1; column 1 ties rows 0 and 2
    double[][] cost = {{5, 0}, {0, 5}, {5, 0}};
    double[][] q = SHARP.semiRelaxed(cost, new double[] {0.25, 0.75});
    assertEquals(0, q[0][0], 1e-9);
    assertEquals(0.25, q[1][0], 1e-9);
    assertEquals(0.375, q[0][1], 1e-9);
    assertEquals(0.375, q[2][1], 1e-9);
    assertEquals(0, q[1][1], 1e-9);
  }

  private static double bestPermutationCost(double[][] cost) {
    int[] perm = {0, 1, 2, 3};
    double[] best = {Double.POSITIVE_INFINITY};
    permute(perm, 0, cost, best);
    return best[0];
  }

  private static void permute(int[] perm, int k, double[][] cost, double[] best) {
    if (k == perm.length) {
      double sum = 0;
      for (int i = 0; i < perm.length; i++) {
        sum += cost[i][perm[i]];
      }
      best[0] = Math.min(best[0], sum);
      return;
    }
    for (int i = k; i < perm.length; i++) {
      swap(perm, k, i);
      permute(perm, k + 1, cost, best);
      swap(perm, k, i);
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
