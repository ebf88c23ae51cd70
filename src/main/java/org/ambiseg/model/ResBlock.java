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
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-activation residual block as in DeepMind's HPU-Net code: residual = ReLU then {@code n} 3x3
 * convolutions at the bottleneck width (ReLU between them), projected by a 1x1 convolution to the
 * output width when the two differ; the skip is projected by a 1x1 convolution when the input width
 * differs from the output width; output = skip + residual.
 */
public final class ResBlock extends AbstractBlock {

  private final int channels;
  private final int downChannels;
  private final List<Conv2d> convs = new ArrayList<>();
  private final Conv2d residualProjection;
  private final Conv2d skipProjection;

  /**
   * A block from {@code inChannels} to {@code channels} with a bottleneck of {@code downChannels}.
   */
  public ResBlock(int inChannels, int channels, int downChannels, int convCount) {
    this.channels = channels;
    this.downChannels = downChannels;
    for (int i = 0; i < convCount; i++) {
      convs.add(addChildBlock("conv" + i, LevelBlock.conv3x3(downChannels)));
    }
    residualProjection =
        downChannels != channels ? addChildBlock("residualProjection", conv1x1(channels)) : null;
    skipProjection =
        inChannels != channels ? addChildBlock("skipProjection", conv1x1(channels)) : null;
  }

  static Conv2d conv1x1(int filters) {
    return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray input = inputs.head();
    // pre-activation, then the bottleneck convolutions with ReLU between them
    NDArray residual = Activation.relu(input);
    for (int i = 0; i < convs.size(); i++) {
      residual = convs.get(i).forward(ps, new NDList(residual), training).head();
      if (i < convs.size() - 1) {
        residual = InPlaceRelu.apply(residual); // a fresh convolution output
      }
    }
    if (residualProjection != null) {
      residual = residualProjection.forward(ps, new NDList(residual), training).head();
    }
    NDArray skip =
        skipProjection == null
            ? input
            : skipProjection.forward(ps, new NDList(input), training).head();
    return new NDList(skip.add(residual));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {Shapes.withChannels(inputShapes[0], channels)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape s = inputShapes[0];
    for (Conv2d conv : convs) {
      conv.initialize(manager, dataType, s);
      s = conv.getOutputShapes(new Shape[] {s})[0];
    }
    if (residualProjection != null) {
      residualProjection.initialize(manager, dataType, s);
    }
    if (skipProjection != null) {
      skipProjection.initialize(manager, dataType, inputShapes[0]);
    }
  }

  /** Bottleneck width (for descriptions). */
  int downChannels() {
    return downChannels;
  }
}
