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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MC-dropout U-Net (Kendall et al., "Bayesian SegNet", 2017; Gal and Ghahramani 2016): the Prob
 * U-Net's {@link UNet} with a {@link ForcedDropout} after every ReLU of every encoder and decoder
 * level block, then a 1x1 convolution to class logits. With rate 0 it is the plain, deterministic
 * U-Net baseline.
 *
 * <p>{@link #forward}: [image (B,C,H,W)] gives [logits (B,K,H,W)]. Dropout is on in every pass,
 * training or not; pass {@link ForcedDropout#off()} as the forward parameters for a pass without
 * it.
 */
public final class McDropoutUNet extends AbstractBlock {

  private final McDropoutConfig config;
  private final UNet unet;
  private final Conv2d classifier;
  private final AtomicLong forwardCount = new AtomicLong();

  /** The blocks for an architecture. */
  public McDropoutUNet(McDropoutConfig config) {
    this.config = config;
    unet =
        addChildBlock(
            "unet", new UNet(config.channels(), config.convsPerLevel(), config.dropout()));
    classifier =
        addChildBlock(
            "classifier",
            Conv2d.builder()
                .setKernelShape(new Shape(1, 1))
                .setFilters(config.numClasses())
                .build());
  }

  public McDropoutConfig config() {
    return config;
  }

  /** Number of forward passes run so far (for diagnostics and tests). */
  public long forwardCount() {
    return forwardCount.get();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    forwardCount.incrementAndGet();
    // U-Net features with dropout after every ReLU -> 1x1 classifier
    NDArray features = unet.forward(ps, inputs, training, params).head();
    return classifier.forward(ps, new NDList(features), training);
  }

  /** Parameter count (weights and biases). */
  public long parameterCount() {
    return ParameterCounts.of(this);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {Shapes.withChannels(inputShapes[0], config.numClasses())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    unet.initialize(manager, dataType, inputShapes[0]);
    classifier.initialize(manager, dataType, unet.getOutputShapes(inputShapes)[0]);
  }
}
