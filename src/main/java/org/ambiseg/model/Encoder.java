package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The contracting path shared by the U-Net, the prior net and the posterior net: level blocks with
 * 2x2 average pooling (stride 2) between them, none before the first. Returns every level's output,
 * shallow to deep, so the U-Net decoder can use them as skips.
 */
public final class Encoder extends AbstractBlock {

  private final List<LevelBlock> levels = new ArrayList<>();

  /** An encoder with the given widths and convolutions per level. */
  public Encoder(int[] channels, int convsPerLevel) {
    this(channels, convsPerLevel, 0f);
  }

  /** An encoder whose level blocks apply forced dropout of rate {@code dropout} (0 for none). */
  public Encoder(int[] channels, int convsPerLevel, float dropout) {
    for (int i = 0; i < channels.length; i++) {
      levels.add(addChildBlock("level" + i, new LevelBlock(channels[i], convsPerLevel, dropout)));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList outputs = new NDList(levels.size());
    NDArray x = inputs.head();
    for (int i = 0; i < levels.size(); i++) {
      if (i > 0) {
        // 2x2 average pool, stride 2
        x = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
      }
      x = levels.get(i).forward(ps, new NDList(x), training, params).head();
      outputs.add(x);
    }
    return outputs;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape[] out = new Shape[levels.size()];
    Shape s = inputShapes[0];
    for (int i = 0; i < levels.size(); i++) {
      if (i > 0) {
        s = Shapes.halved(s);
      }
      s = levels.get(i).getOutputShapes(new Shape[] {s})[0];
      out[i] = s;
    }
    return out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape s = inputShapes[0];
    for (int i = 0; i < levels.size(); i++) {
      if (i > 0) {
        s = Shapes.halved(s);
      }
      levels.get(i).initialize(manager, dataType, s);
      s = levels.get(i).getOutputShapes(new Shape[] {s})[0];
    }
  }
}
