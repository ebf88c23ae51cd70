package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The gating network of MoSE: global average pooling of the U-Net features, a 1x1 convolution of
 * the feature width with ReLU, and a 1x1 convolution to K logits, whose softmax gives the mixture
 * weights of the experts for each image.
 */
public final class MoseGate extends AbstractBlock {

  private final int experts;
  private final Conv2d hidden;
  private final Conv2d output;

  /** A gate over {@code experts} experts on features of width {@code featureChannels}. */
  public MoseGate(int featureChannels, int experts) {
    this.experts = experts;
    hidden = addChildBlock("hidden", conv1x1(featureChannels));
    output = addChildBlock("output", conv1x1(experts));
  }

  private static Conv2d conv1x1(int filters) {
    return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).build();
  }

  /** Features (B, C, H, W) -> gate logits (B, K). */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = inputs.head();
    Shape s = features.getShape();
    // global average pool (reshape first: a two-axis mean is not supported by the PyTorch engine)
    NDArray pooled =
        features
            .reshape(s.get(0), s.get(1), s.get(2) * s.get(3))
            .mean(new int[] {2})
            .reshape(s.get(0), s.get(1), 1, 1);
    NDArray h = Activation.relu(hidden.forward(ps, new NDList(pooled), training).head());
    NDArray logits = output.forward(ps, new NDList(h), training).head();
    return new NDList(logits.reshape(s.get(0), experts));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), experts)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape pooled = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), 1, 1);
    hidden.initialize(manager, dataType, pooled);
    output.initialize(manager, dataType, hidden.getOutputShapes(new Shape[] {pooled})[0]);
  }
}
