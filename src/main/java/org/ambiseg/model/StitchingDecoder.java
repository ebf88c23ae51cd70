package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
 * The HPU-Net's stitching decoder: continues from the last latent scale to full resolution (nearest
 * upsampling x2, concatenation with the prior's encoder skip, residual blocks per level) and ends
 * with a 1x1 convolution to class logits.
 */
public final class StitchingDecoder extends AbstractBlock {

  private final HpuNetConfig config;
  private final List<List<ResBlock>> levels = new ArrayList<>();
  private final Conv2d classifier;

  /** A decoder for the given architecture. */
  public StitchingDecoder(HpuNetConfig config) {
    this.config = config;
    int[] ch = config.channels();
    int[] down = config.downChannels();
    int count = ch.length;
    for (int r = config.scales() + 1; r < count; r++) {
      int target = count - 1 - r;
      List<ResBlock> blocks = new ArrayList<>();
      for (int b = 0; b < config.blocksPerLevel(); b++) {
        int in = b > 0 ? ch[target] : ch[target + 1] + ch[target];
        blocks.add(
            addChildBlock(
                "level" + target + "_" + b,
                new ResBlock(in, ch[target], down[target], config.convsPerBlock())));
      }
      levels.add(blocks);
    }
    classifier = addChildBlock("classifier", ResBlock.conv1x1(config.numClasses()));
  }

  /** Logits from the prior's encoder features and the latent decoder's output. */
  public NDArray decode(
      ParameterStore ps, List<NDArray> encoderFeatures, NDArray features, boolean training) {
    int count = encoderFeatures.size();
    NDArray x = features;
    for (int i = 0; i < levels.size(); i++) {
      NDArray skip = encoderFeatures.get(count - 1 - (config.scales() + 1 + i));
      // nearest x2 -> [., skip] -> residual blocks
      NDArray up = Upsampling.nearest(x, skip.getShape().get(2), skip.getShape().get(3));
      x = NDArrays.concat(new NDList(up, skip), 1);
      for (ResBlock block : levels.get(i)) {
        x = block.forward(ps, new NDList(x), training).head();
      }
    }
    return classifier.forward(ps, new NDList(x), training).head();
  }

  /** Block entry point: inputs are the encoder features (shallow to deep) then the features. */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    List<NDArray> encoderFeatures = inputs.subNDList(0, inputs.size() - 1);
    return new NDList(decode(ps, encoderFeatures, inputs.get(inputs.size() - 1), training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {Shapes.withChannels(inputShapes[0], config.numClasses())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    // inputs: encoder shapes shallow to deep, then the latent decoder's output shape
    int count = inputShapes.length - 1;
    Shape x = inputShapes[count];
    for (int i = 0; i < levels.size(); i++) {
      Shape skip = inputShapes[count - 1 - (config.scales() + 1 + i)];
      x = Shapes.withChannels(skip, x.get(1) + skip.get(1));
      for (ResBlock block : levels.get(i)) {
        block.initialize(manager, dataType, x);
        x = block.getOutputShapes(new Shape[] {x})[0];
      }
    }
    classifier.initialize(manager, dataType, x);
  }
}
