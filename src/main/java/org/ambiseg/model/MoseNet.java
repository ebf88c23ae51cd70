package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Mixture of Stochastic Experts network: a {@link UNet} for features, one prior net ({@link
 * AxisAlignedConvGaussian} on the image) whose head gives the means and log sigmas of all K
 * experts' latent Gaussians at once (K x L values each), a {@link MoseGate} for the mixture weights
 * and a shared {@link Fcomb} that decodes (features, z) into class logits. There is no posterior
 * net: training matches prior samples to the raters directly.
 *
 * <p>{@link #forward} is the training pass: inputs [image (B,C,H,W), eps (B, K*M, L)] give [logits
 * (B*K*M, classes, H, W) of z = mu_k + sigma_k * eps, expert-major within each image (sample s of
 * image b is expert s / M), prior means (B,K,L), prior log sigmas (B,K,L), gate logits (B,K)].
 * Decoding uses Fcomb's factorised path (features projected once per image).
 */
public final class MoseNet extends AbstractBlock {

  private final MoseConfig config;
  private final UNet unet;
  private final AxisAlignedConvGaussian prior;
  private final MoseGate gate;
  private final Fcomb fcomb;

  /** Features of images with their experts' Gaussians (B,K,L) and gate logits (B,K). */
  public record Encoding(
      NDArray features, NDArray priorMean, NDArray priorLogSigma, NDArray gateLogits) {}

  /** The building blocks for an architecture. */
  public MoseNet(MoseConfig config) {
    this.config = config;
    ProbUNetConfig base = config.base();
    unet = addChildBlock("unet", new UNet(base.channels(), base.convsPerLevel()));
    prior =
        addChildBlock(
            "prior",
            new AxisAlignedConvGaussian(
                base.channels(),
                base.convsPerLevel(),
                config.experts() * base.latentDim(),
                base.logSigmaMin(),
                base.logSigmaMax()));
    gate = addChildBlock("gate", new MoseGate(base.featureChannels(), config.experts()));
    fcomb =
        addChildBlock(
            "fcomb",
            new Fcomb(
                base.featureChannels(), base.latentDim(), base.fcombLayers(), base.numClasses()));
  }

  public MoseConfig config() {
    return config;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray image = inputs.get(0);
    NDArray eps = inputs.get(1);
    Encoding enc = encode(ps, image, training);
    long b = image.getShape().get(0);
    int k = config.experts();
    int l = config.latentDim();
    long m = eps.getShape().get(1) / k;
    // z = mu_k + sigma_k * eps for M samples of each expert, expert-major
    NDArray mean = enc.priorMean().reshape(b, k, 1, l);
    NDArray sigma = enc.priorLogSigma().exp().reshape(b, k, 1, l);
    NDArray z = mean.add(sigma.mul(eps.reshape(b, k, m, l))).reshape(b * k * m, l);
    NDArray projected = fcomb.project(ps, enc.features());
    NDArray logits = fcomb.decodeProjected(ps, projected, z);
    return new NDList(logits, enc.priorMean(), enc.priorLogSigma(), enc.gateLogits());
  }

  /** Runs the U-Net, the prior net and the gate on images. */
  public Encoding encode(ParameterStore ps, NDArray image, boolean training) {
    long b = image.getShape().get(0);
    NDArray features = unet.forward(ps, new NDList(image), training).head();
    NDList p = prior.forward(ps, new NDList(image), training);
    NDArray gateLogits = gate.forward(ps, new NDList(features), training).head();
    int k = config.experts();
    int l = config.latentDim();
    return new Encoding(features, p.get(0).reshape(b, k, l), p.get(1).reshape(b, k, l), gateLogits);
  }

  /** Fcomb's first layer applied to the features alone, cached per image. */
  public NDArray projectFeatures(ParameterStore ps, NDArray features) {
    return fcomb.project(ps, features);
  }

  /** Fcomb's first-layer weights for z, (hidden, latentDim) row-major, read on the host. */
  public float[] latentWeights(ParameterStore ps, NDArray like) {
    return fcomb.latentWeights(ps, like);
  }

  /** Logits for per-sample terms W_z * z (N x hidden x 1 x 1) on one image's projection. */
  public NDArray decodeBiased(ParameterStore ps, NDArray projected, NDArray latentBias) {
    return fcomb.decodeBiased(ps, projected, latentBias);
  }

  /** Parameter counts of the four parts (prior, gate, unet, fcomb) and their total. */
  public Map<String, Long> parameterCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("prior", ParameterCounts.of(prior));
    counts.put("gate", ParameterCounts.of(gate));
    counts.put("unet", ParameterCounts.of(unet));
    counts.put("fcomb", ParameterCounts.of(fcomb));
    counts.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
    return counts;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape image = inputShapes[0];
    Shape eps = inputShapes[1];
    long b = image.get(0);
    Shape latent = new Shape(b, config.experts(), config.latentDim());
    return new Shape[] {
      new Shape(b * eps.get(1), config.base().numClasses(), image.get(2), image.get(3)),
      latent,
      latent,
      new Shape(b, config.experts())
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape image = inputShapes[0];
    unet.initialize(manager, dataType, image);
    prior.initialize(manager, dataType, image);
    Shape features = unet.getOutputShapes(new Shape[] {image})[0];
    gate.initialize(manager, dataType, features);
    fcomb.initialize(manager, dataType, features, new Shape(image.get(0), config.latentDim()));
  }
}
