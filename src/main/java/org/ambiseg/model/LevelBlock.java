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
import java.util.ArrayList;
import java.util.List;

/**
 * One U-Net level: {@code n} 3x3 convolutions (stride 1, padding 1, with bias), each followed by a
 * ReLU and, when a dropout rate is given, by a {@link ForcedDropout}. The first maps the input
 * channels to {@code channels}, the rest keep the width.
 */
public final class LevelBlock extends AbstractBlock {

  private final int channels;
  private final List<Conv2d> convs = new ArrayList<>();
  private final List<ForcedDropout> dropouts = new ArrayList<>();

  /** A level of {@code convCount} convolutions producing {@code channels} channels. */
  public LevelBlock(int channels, int convCount) {
    this(channels, convCount, 0f);
  }

  /**
   * A level of {@code convCount} convolutions producing {@code channels} channels, with forced
   * dropout of rate {@code dropout} after every ReLU (none when the rate is 0).
   */
  public LevelBlock(int channels, int convCount, float dropout) {
    this.channels = channels;
    for (int i = 0; i < convCount; i++) {
      convs.add(addChildBlock("conv" + i, conv3x3(channels)));
      if (dropout > 0f) {
        dropouts.add(addChildBlock("dropout" + i, new ForcedDropout(dropout)));
      }
    }
  }

  static Conv2d conv3x3(int filters) {
    return Conv2d.builder()
        .setKernelShape(new Shape(3, 3))
        .optPadding(new Shape(1, 1))
        .setFilters(filters)
        .build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    for (int i = 0; i < convs.size(); i++) {
      // conv3x3 -> ReLU (-> forced dropout)
      x = InPlaceRelu.apply(convs.get(i).forward(ps, new NDList(x), training).head());
      if (!dropouts.isEmpty()) {
        x = dropouts.get(i).forward(ps, new NDList(x), training, params).head();
      }
    }
    return new NDList(x);
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
  }
}
