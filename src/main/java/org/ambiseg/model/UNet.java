package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The U-Net feature extractor of the Probabilistic U-Net: an {@link Encoder}, then a decoder that
 * at each stage upsamples bilinearly x2, concatenates [upsampled, skip] and applies a level block
 * of the skip's width. Outputs the first level's feature map; it has no classifier.
 */
public final class UNet extends AbstractBlock {

  private final Encoder encoder;
  private final List<LevelBlock> decoder = new ArrayList<>();
  private final int[] channels;

  /** A U-Net with the given widths (shallow to deep) and convolutions per level. */
  public UNet(int[] channels, int convsPerLevel) {
    this(channels, convsPerLevel, 0f);
  }

  /**
   * A U-Net whose encoder and decoder level blocks all apply forced dropout of rate {@code dropout}
   * after every ReLU (none when the rate is 0).
   */
  public UNet(int[] channels, int convsPerLevel, float dropout) {
    this.channels = channels.clone();
    encoder = addChildBlock("encoder", new Encoder(channels, convsPerLevel, dropout));
    // decoder stage i produces level i's width, for i = levels-2 down to 0
    for (int i = channels.length - 2; i >= 0; i--) {
      decoder.add(
          addChildBlock("decoder" + i, new LevelBlock(channels[i], convsPerLevel, dropout)));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList skips = encoder.forward(ps, inputs, training, params);
    NDArray x = skips.get(skips.size() - 1);
    for (int stage = 0; stage < decoder.size(); stage++) {
      NDArray skip = skips.get(skips.size() - 2 - stage);
      // upsample x2 bilinearly -> concat [up, skip] -> level block
      NDArray up = Upsampling.bilinear(x, skip.getShape().get(2), skip.getShape().get(3));
      x =
          decoder
              .get(stage)
              .forward(ps, new NDList(NDArrays.concat(new NDList(up, skip), 1)), training, params)
              .head();
    }
    return new NDList(x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {Shapes.withChannels(inputShapes[0], channels[0])};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    encoder.initialize(manager, dataType, inputShapes);
    Shape[] skips = encoder.getOutputShapes(inputShapes);
    Shape x = skips[skips.length - 1];
    for (int stage = 0; stage < decoder.size(); stage++) {
      Shape skip = skips[skips.length - 2 - stage];
      Shape cat = Shapes.withChannels(skip, x.get(1) + skip.get(1));
      decoder.get(stage).initialize(manager, dataType, cat);
      x = decoder.get(stage).getOutputShapes(new Shape[] {cat})[0];
    }
  }
}
