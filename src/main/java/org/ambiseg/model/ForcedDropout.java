package org.ambiseg.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.Supplier;

/**
 * Element-wise dropout that is always on, in training and at inference, for Monte Carlo dropout
 * (Gal and Ghahramani, ICML 2016):
 *
 * <pre>
 *   y = x * m / (1 - p),   m ~ Bernoulli(1 - p) independently per element
 * </pre>
 *
 * <p>DJL's {@code Dropout} drops only when the network runs in training mode; this block ignores
 * that flag, so MC dropout never puts the whole network in training mode. One forward pass can turn
 * it off by passing {@link #off()} as the forward parameters (the deterministic prediction of the
 * same weights).
 *
 * <p>Reproducibility: the mask is drawn on the engine (libtorch's global generator), not on the
 * Java side, because a batch of 20 passes at 128x128 needs about 10^8 mask values per forward.
 * Callers that need the same masks for the same seed run the forward pass inside {@link #withSeed},
 * which sets the engine seed right before it while holding a JVM-wide lock, so no other seeded
 * forward pass can draw from the generator in between.
 */
public final class ForcedDropout extends AbstractBlock {

  /** Forward-parameter key; a value of {@code false} turns dropout off for that pass. */
  public static final String ENABLED = "ambiseg.forcedDropout";

  private static final Object GENERATOR_LOCK = new Object();

  private final float rate;

  /** Dropout with drop probability {@code rate} in [0, 1). */
  public ForcedDropout(float rate) {
    if (!(rate >= 0f && rate < 1f)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
  }

  /** The drop probability p. */
  public float rate() {
    return rate;
  }

  /**
   * Runs {@code work} (which should contain exactly one forward pass) right after seeding the
   * engine's generator with {@code seed}, holding the lock that serialises all seeded passes.
   */
  public static <T> T withSeed(long seed, Supplier<T> work) {
    synchronized (GENERATOR_LOCK) {
      Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
      return work.get();
    }
  }

  /** Forward parameters that run a pass with every forced dropout turned off. */
  public static PairList<String, Object> off() {
    PairList<String, Object> params = new PairList<>();
    params.add(ENABLED, Boolean.FALSE);
    return params;
  }

  /** True unless {@code params} turn forced dropout off. */
  static boolean enabled(PairList<String, Object> params) {
    return params == null || !Boolean.FALSE.equals(params.get(ENABLED));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    if (rate == 0f || !enabled(params)) {
      return new NDList(x);
    }
    // the mask and its temporaries live in a scope closed right away; only y stays
    try (NDManager scope = x.getManager().newSubManager()) {
      NDArray uniform = scope.randomUniform(0f, 1f, x.getShape(), DataType.FLOAT32, x.getDevice());
      NDArray keep = uniform.gte(rate).toType(DataType.FLOAT32, false).muli(1f / (1f - rate));
      return new NDList(x.mul(keep));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
