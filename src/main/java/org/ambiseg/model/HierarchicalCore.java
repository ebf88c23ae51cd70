package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The hierarchical core of the HPU-Net (prior or posterior, same class, separate weights): a
 * residual encoder with average-pool downsampling, then a decoder over the coarsest levels where at
 * each latent scale a 1x1 convolution gives a per-pixel Gaussian (mean, log sigma), a z is chosen
 * by a {@link LatentSource}, concatenated [z, features], upsampled (nearest) x2, concatenated with
 * the encoder skip and passed through residual blocks.
 */
public final class HierarchicalCore extends AbstractBlock {

  private final HpuNetConfig config;
  private final List<List<ResBlock>> encoder = new ArrayList<>();
  private final List<Conv2d> latentHeads = new ArrayList<>();
  private final List<List<ResBlock>> decoder = new ArrayList<>();

  /** Everything a run of the core produces (arrays owned by the input's manager). */
  public record Output(
      List<NDArray> encoderFeatures,
      NDArray decoderFeatures,
      List<NDArray> means,
      List<NDArray> logSigmas,
      List<NDArray> latents) {}

  /** A core for inputs of {@code inputChannels} channels. */
  public HierarchicalCore(HpuNetConfig config, int inputChannels) {
    this.config = config;
    int[] ch = config.channels();
    int[] down = config.downChannels();
    int levels = ch.length;
    for (int level = 0; level < levels; level++) {
      List<ResBlock> blocks = new ArrayList<>();
      for (int b = 0; b < config.blocksPerLevel(); b++) {
        int in = b > 0 ? ch[level] : (level == 0 ? inputChannels : ch[level - 1]);
        blocks.add(
            addChildBlock(
                "encoder" + level + "_" + b,
                new ResBlock(in, ch[level], down[level], config.convsPerBlock())));
      }
      encoder.add(blocks);
    }
    int[] latent = config.latentChannels();
    for (int scale = 0; scale < latent.length; scale++) {
      int width = ch[levels - 1 - scale];
      latentHeads.add(addChildBlock("latent" + scale, ResBlock.conv1x1(2 * latent[scale])));
      int target = levels - 2 - scale;
      List<ResBlock> blocks = new ArrayList<>();
      for (int b = 0; b < config.blocksPerLevel(); b++) {
        int in = b > 0 ? ch[target] : latent[scale] + width + ch[target];
        blocks.add(
            addChildBlock(
                "decoder" + scale + "_" + b,
                new ResBlock(in, ch[target], down[target], config.convsPerBlock())));
      }
      decoder.add(blocks);
    }
  }

  /** The encoder's output at every level, shallow to deep. */
  public List<NDArray> encode(ParameterStore ps, NDArray input, boolean training) {
    List<NDArray> outputs = new ArrayList<>();
    NDArray x = input;
    for (int level = 0; level < encoder.size(); level++) {
      if (level > 0) {
        // 2x2 average pool, stride 2
        x = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
      }
      x = run(ps, encoder.get(level), x, training);
      outputs.add(x);
    }
    return outputs;
  }

  /** Runs the latent decoder over all scales on given encoder features. */
  public Output decode(
      ParameterStore ps, List<NDArray> encoderFeatures, LatentSource source, boolean training) {
    int levels = encoderFeatures.size();
    NDArray features = encoderFeatures.get(levels - 1);
    List<NDArray> means = new ArrayList<>();
    List<NDArray> logSigmas = new ArrayList<>();
    List<NDArray> latents = new ArrayList<>();
    int[] latent = config.latentChannels();
    for (int scale = 0; scale < latent.length; scale++) {
      // per-pixel Gaussian of this scale
      NDArray stats = latentHeads.get(scale).forward(ps, new NDList(features), training).head();
      NDArray mean = stats.get(":, :" + latent[scale]);
      NDArray logSigma =
          Gaussians.clampLogSigma(
              stats.get(":, " + latent[scale] + ":"), config.logSigmaMin(), config.logSigmaMax());
      NDArray z = source.choose(scale, mean, logSigma);
      means.add(mean);
      logSigmas.add(logSigma);
      latents.add(z);
      // [z, features] -> nearest x2 -> [., skip] -> residual blocks
      NDArray skip = encoderFeatures.get(levels - 2 - scale);
      NDArray up =
          Upsampling.nearest(
              NDArrays.concat(new NDList(z, features), 1),
              skip.getShape().get(2),
              skip.getShape().get(3));
      features = run(ps, decoder.get(scale), NDArrays.concat(new NDList(up, skip), 1), training);
    }
    return new Output(encoderFeatures, features, means, logSigmas, latents);
  }

  private static NDArray run(
      ParameterStore ps, List<ResBlock> blocks, NDArray x, boolean training) {
    for (ResBlock block : blocks) {
      x = block.forward(ps, new NDList(x), training).head();
    }
    return x;
  }

  /** Block entry point: the decoder features with every scale at its mean. */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(
        decode(ps, encode(ps, inputs.head(), training), (s, m, l) -> m, training)
            .decoderFeatures());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    int levels = config.levels();
    int scales = config.scales();
    long factor = 1L << (levels - 1 - scales);
    return new Shape[] {
      new Shape(
          in.get(0), config.channels()[levels - 1 - scales], in.get(2) / factor, in.get(3) / factor)
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    int[] ch = config.channels();
    int levels = ch.length;
    Shape s = inputShapes[0];
    Shape[] encoderShapes = new Shape[levels];
    for (int level = 0; level < levels; level++) {
      if (level > 0) {
        s = Shapes.halved(s);
      }
      s = initialize(manager, dataType, encoder.get(level), s);
      encoderShapes[level] = s;
    }
    Shape features = encoderShapes[levels - 1];
    int[] latent = config.latentChannels();
    for (int scale = 0; scale < latent.length; scale++) {
      latentHeads.get(scale).initialize(manager, dataType, features);
      Shape skip = encoderShapes[levels - 2 - scale];
      Shape cat = Shapes.withChannels(skip, latent[scale] + features.get(1) + skip.get(1));
      features = initialize(manager, dataType, decoder.get(scale), cat);
    }
  }

  private static Shape initialize(
      NDManager manager, DataType dataType, List<ResBlock> blocks, Shape s) {
    for (ResBlock block : blocks) {
      block.initialize(manager, dataType, s);
      s = block.getOutputShapes(new Shape[] {s})[0];
    }
    return s;
  }
}
