package org.ambiseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * Gradient housekeeping for the training step: zeroing before each backward pass (DJL 0.32's
 * PyTorch gradient collector does not, so gradients would otherwise accumulate across steps) and
 * clipping by the global L2 norm as torch.nn.utils.clip_grad_norm_: when ||g|| exceeds {@code
 * maxNorm}, every gradient is scaled by maxNorm / ||g||.
 */
public final class Gradients {

  private Gradients() {}

  /** Sets every parameter's gradient to zero. */
  public static void zero(PairList<String, Parameter> parameters) {
    for (Pair<String, Parameter> entry : parameters) {
      NDArray w = entry.getValue().getArray();
      if (w.hasGradient()) {
        try (NDArray g = w.getGradient()) {
          g.subi(g);
        }
      }
    }
  }

  /** Clips in place and returns the norm before clipping (NaN when a gradient is not finite). */
  public static double clipByGlobalNorm(PairList<String, Parameter> parameters, double maxNorm) {
    double sumSquares = 0;
    for (Pair<String, Parameter> entry : parameters) {
      // squared and summed in double: float32 overflows once a gradient passes ~1e19, which a
      // finite gradient can do (e.g. a collapsing prior sigma), and would read as "not finite"
      try (NDArray g = entry.getValue().getArray().getGradient();
          NDArray wide = g.toType(DataType.FLOAT64, false);
          NDArray sq = wide.square();
          NDArray s = sq.sum()) {
        sumSquares += s.getDouble();
      }
    }
    double norm = Math.sqrt(sumSquares);
    if (norm > maxNorm && Double.isFinite(norm)) {
      float scale = (float) (maxNorm / (norm + 1e-6));
      for (Pair<String, Parameter> entry : parameters) {
        try (NDArray g = entry.getValue().getArray().getGradient()) {
          g.muli(scale);
        }
      }
    }
    return norm;
  }
}
