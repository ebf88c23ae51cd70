package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The prior net p(z|x) or the posterior net q(z|x,y) of the Probabilistic U-Net: an {@link
 * Encoder}, global average pooling of its deepest level, and a 1x1 convolution to 2L values, the
 * mean and log sigma of an axis-aligned (diagonal) Gaussian over the L latent dimensions. Log sigma
 * is clamped to a configured range, which keeps the KL finite ({@link Gaussians#clampLogSigma}).
 */
public final class AxisAlignedConvGaussian extends AbstractBlock {

  private final Encoder encoder;
  private final Conv2d head;
  private final int latentDim;
  private final float logSigmaMin;
  private final float logSigmaMax;

  /** A Gaussian net over {@code latentDim} dimensions on an encoder of the given widths. */
  public AxisAlignedConvGaussian(
      int[] channels, int convsPerLevel, int latentDim, float logSigmaMin, float logSigmaMax) {
    this.latentDim = latentDim;
    this.logSigmaMin = logSigmaMin;
    this.logSigmaMax = logSigmaMax;
    encoder = addChildBlock("encoder", new Encoder(channels, convsPerLevel));
    head =
        addChildBlock(
            "head",
            Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(2 * latentDim).build());
  }

  /** Returns [mean (B, L), log sigma (B, L)]. */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList levels = encoder.forward(ps, inputs, training);
    NDArray deepest = levels.get(levels.size() - 1);
    Shape s = deepest.getShape();
    // global average pool (reshape first: a two-axis mean is not supported by DJL's PyTorch engine)
    NDArray pooled = deepest.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).mean(new int[] {2});
    NDArray stats =
        head.forward(ps, new NDList(pooled.reshape(s.get(0), s.get(1), 1, 1)), training)
            .head()
            .reshape(s.get(0), 2L * latentDim);
    NDArray mean = stats.get(":, :" + latentDim);
    NDArray logSigma =
        Gaussians.clampLogSigma(stats.get(":, " + latentDim + ":"), logSigmaMin, logSigmaMax);
    return new NDList(mean, logSigma);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape latent = new Shape(inputShapes[0].get(0), latentDim);
    return new Shape[] {latent, latent};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    encoder.initialize(manager, dataType, inputShapes);
    Shape[] levels = encoder.getOutputShapes(inputShapes);
    Shape deepest = levels[levels.length - 1];
    head.initialize(manager, dataType, new Shape(deepest.get(0), deepest.get(1), 1, 1));
  }
}
