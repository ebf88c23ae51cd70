package org.ambiseg.train;

/**
 * Entropic optimal transport between two small weighted sets, solved by log-domain Sinkhorn
 * iterations in plain Java (the sets of MoSE's objective hold tens of elements, so this costs
 * microseconds). The regularisation {@code epsilon} is relative to the cost matrix's range (max -
 * min), so the plan does not depend on the scale of the cost (sum or mean over pixels, image size);
 * the plan is unchanged by adding a constant to the cost. As epsilon goes to 0 the plan approaches
 * an optimal (unregularised) one.
 *
 * <p>Also gives the semi-relaxed plan, where only the second marginal is constrained: each column j
 * sends its mass b_j to the rows by softmin(-C_ij / epsilon); its row sums say how much of the
 * targets each row would claim if the row weights were free.
 */
public final class SinkhornTransport {

  /** The defaults of MoSE's objective here: epsilon 0.05 of the cost range, 100 iterations. */
  public static final SinkhornTransport DEFAULT = new SinkhornTransport(0.05, 100);

  private final double epsilon;
  private final int iterations;

  /** A solver with relative regularisation {@code epsilon} and a fixed number of iterations. */
  public SinkhornTransport(double epsilon, int iterations) {
    if (!(epsilon > 0) || Double.isInfinite(epsilon) || iterations < 1) {
      throw new IllegalArgumentException("epsilon must be > 0 and iterations >= 1");
    }
    this.epsilon = epsilon;
    this.iterations = iterations;
  }

  /**
   * A transport plan and its cost.
   *
   * @param plan n x m masses; its column sums equal b, its row sums approximate a
   * @param cost sum of plan x cost
   * @param rowMarginalError largest |row sum - a_i| after the last iteration
   */
  public record Plan(double[][] plan, double cost, double rowMarginalError) {}

  /** The entropic plan between weights {@code a} (rows) and {@code b} (columns) of equal totals. */
  public Plan solve(double[][] cost, double[] a, double[] b) {
    int n = a.length;
    int m = b.length;
    checkShape(cost, n, m);
    double eps = absoluteEpsilon(cost);
    double[] f = new double[n];
    double[] g = new double[m];
    double[] logA = logs(a);
    double[] logB = logs(b);
    double[] terms = new double[Math.max(n, m)];
    for (int it = 0; it < iterations; it++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          terms[j] = (g[j] - cost[i][j]) / eps + logB[j];
        }
        f[i] = -eps * logSumExp(terms, m);
      }
      for (int j = 0; j < m; j++) {
        for (int i = 0; i < n; i++) {
          terms[i] = (f[i] - cost[i][j]) / eps + logA[i];
        }
        g[j] = -eps * logSumExp(terms, n);
      }
    }
    double[][] plan = new double[n][m];
    double total = 0;
    double error = 0;
    for (int i = 0; i < n; i++) {
      double row = 0;
      for (int j = 0; j < m; j++) {
        plan[i][j] = Math.exp((f[i] + g[j] - cost[i][j]) / eps + logA[i] + logB[j]);
        row += plan[i][j];
        total += plan[i][j] * cost[i][j];
      }
      error = Math.max(error, Math.abs(row - a[i]));
    }
    return new Plan(plan, total, error);
  }

  /**
   * The semi-relaxed plan: column j's mass b_j spread over the rows by softmin of its costs at this
   * solver's (relative) epsilon; the rows are unconstrained.
   */
  public double[][] semiRelaxed(double[][] cost, double[] b) {
    int n = cost.length;
    int m = b.length;
    checkShape(cost, n, m);
    double eps = absoluteEpsilon(cost);
    double[][] plan = new double[n][m];
    double[] terms = new double[n];
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < n; i++) {
        terms[i] = -cost[i][j] / eps;
      }
      double lse = logSumExp(terms, n);
      for (int i = 0; i < n; i++) {
        plan[i][j] = b[j] * Math.exp(terms[i] - lse);
      }
    }
    return plan;
  }

  private double absoluteEpsilon(double[][] cost) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : cost) {
      for (double c : row) {
        if (!Double.isFinite(c)) {
          throw new IllegalArgumentException("cost " + c + " is not finite");
        }
        min = Math.min(min, c);
        max = Math.max(max, c);
      }
    }
    // a constant cost matrix: any plan is optimal; a unit range gives the independent coupling
    return epsilon * (max > min ? max - min : 1);
  }

  private static void checkShape(double[][] cost, int n, int m) {
    if (n == 0 || m == 0 || cost.length != n) {
      throw new IllegalArgumentException("cost must be " + n + " x " + m + " and not empty");
    }
    for (double[] row : cost) {
      if (row.length != m) {
        throw new IllegalArgumentException("cost must be " + n + " x " + m);
      }
    }
  }

  private static double[] logs(double[] w) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      if (!(w[i] >= 0)) {
        throw new IllegalArgumentException("weights must be >= 0, got " + w[i]);
      }
      out[i] = Math.log(w[i]);
    }
    return out;
  }

  private static double logSumExp(double[] v, int count) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      max = Math.max(max, v[i]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      sum += Math.exp(v[i] - max);
    }
    return max + Math.log(sum);
  }
}
