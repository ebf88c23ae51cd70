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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Probabilistic U-Net (Kohl et al., "A Probabilistic U-Net for Segmentation of Ambiguous
 * Images", NeurIPS 2018): a {@link UNet} for features, a prior net p(z|x) on the image, a posterior
 * net q(z|x,y) on image + one-hot mask, and {@link Fcomb} that turns features and a latent z into
 * class logits.
 *
 * <p>{@link #forward} is the training pass: inputs [image (B,C,H,W), one-hot mask (B,K,H,W), eps
 * (B,L)] give [logits of the posterior reconstruction with z = mu_q + sigma_q * eps, mu_q,
 * logSigma_q, mu_p, logSigma_p]. An optional fourth input, prior noise ((B &middot; K) x L, K
 * consecutive rows per image), adds a sixth output: the logits of K samples z = mu_p + sigma_p *
 * eps of the prior per image ((B &middot; K) x classes x H x W), for training terms on what the
 * prior proposes. The other methods are the pieces used interactively.
 */
public final class ProbUNet extends AbstractBlock {

  private final ProbUNetConfig config;
  private final UNet unet;
  private final AxisAlignedConvGaussian prior;
  private final AxisAlignedConvGaussian posterior;
  private final Fcomb fcomb;

  /** Features of one or more images and their prior distribution. */
  public record Encoding(NDArray features, NDArray priorMean, NDArray priorLogSigma) {}

  /** The building blocks for an architecture. */
  public ProbUNet(ProbUNetConfig config) {
    this.config = config;
    int[] ch = config.channels();
    unet = addChildBlock("unet", new UNet(ch, config.convsPerLevel()));
    prior = addChildBlock("prior", gaussian(config));
    posterior = addChildBlock("posterior", gaussian(config));
    fcomb =
        addChildBlock(
            "fcomb",
            new Fcomb(
                config.featureChannels(),
                config.latentDim(),
                config.fcombLayers(),
                config.numClasses()));
  }

  private static AxisAlignedConvGaussian gaussian(ProbUNetConfig config) {
    return new AxisAlignedConvGaussian(
        config.channels(),
        config.convsPerLevel(),
        config.latentDim(),
        config.logSigmaMin(),
        config.logSigmaMax());
  }

  public ProbUNetConfig config() {
    return config;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray image = inputs.get(0);
    NDArray oneHot = inputs.get(1);
    NDArray eps = inputs.get(2);
    // U-Net features and the prior p(z|x)
    NDArray features = unet.forward(ps, new NDList(image), training).head();
    NDList p = prior.forward(ps, new NDList(image), training);
    // posterior q(z|x,y) on [image, one-hot mask]
    NDList q =
        posterior.forward(ps, new NDList(NDArrays.concat(new NDList(image, oneHot), 1)), training);
    // reparameterised z ~ q
    NDArray z = q.get(0).add(q.get(1).exp().mul(eps));
    NDArray logits = fcomb.forward(ps, new NDList(features, z), training).head();
    NDList out = new NDList(logits, q.get(0), q.get(1), p.get(0), p.get(1));
    if (inputs.size() > 3) {
      out.add(priorSampleLogits(ps, features, p, inputs.get(3), training));
    }
    return out;
  }

  /** Logits of K reparameterised prior samples per image, K = rows of epsPrior / images. */
  private NDArray priorSampleLogits(
      ParameterStore ps, NDArray features, NDList prior, NDArray epsPrior, boolean training) {
    Shape f = features.getShape();
    long images = f.get(0);
    long rows = epsPrior.getShape().get(0);
    if (rows % images != 0) {
      throw new IllegalArgumentException(rows + " prior noise rows for " + images + " images");
    }
    long k = rows / images;
    long latent = config.latentDim();
    NDArray mean = prior.get(0).reshape(images, 1, latent);
    NDArray sigma = prior.get(1).exp().reshape(images, 1, latent);
    NDArray z = mean.add(sigma.mul(epsPrior.reshape(images, k, latent))).reshape(rows, latent);
    NDArray tiled =
        features
            .reshape(images, 1, f.get(1), f.get(2), f.get(3))
            .broadcast(images, k, f.get(1), f.get(2), f.get(3))
            .reshape(rows, f.get(1), f.get(2), f.get(3));
    return fcomb.forward(ps, new NDList(tiled, z), training).head();
  }

  /** Runs the U-Net and the prior net once (inference, no gradient). */
  public Encoding encode(ParameterStore ps, NDArray image) {
    NDArray features = unet.forward(ps, new NDList(image), false).head();
    NDList p = prior.forward(ps, new NDList(image), false);
    return new Encoding(features, p.get(0), p.get(1));
  }

  /** The posterior's [mean, log sigma] for an image and its one-hot mask (reconstruction). */
  public NDList posterior(ParameterStore ps, NDArray image, NDArray oneHot) {
    return posterior.forward(ps, new NDList(NDArrays.concat(new NDList(image, oneHot), 1)), false);
  }

  /** Logits for a batch of z on features (the plain, unfactorised head). */
  public NDArray decode(ParameterStore ps, NDArray features, NDArray z) {
    return fcomb.forward(ps, new NDList(features, z), false).head();
  }

  /** Fcomb's first layer applied to the features alone, cached per image. */
  public NDArray projectFeatures(ParameterStore ps, NDArray features) {
    return fcomb.project(ps, features);
  }

  /** Logits for a batch of z on projected features: the fast path for sampling and sliders. */
  public NDArray decodeProjected(ParameterStore ps, NDArray projected, NDArray z) {
    return fcomb.decodeProjected(ps, projected, z);
  }

  /** Fcomb's weights for z as (hidden, latentDim), read once per image (see {@link Fcomb}). */
  public float[] latentWeights(ParameterStore ps, NDArray like) {
    return fcomb.latentWeights(ps, like);
  }

  /** Logits for precomputed W_z * z terms (N x hidden x 1 x 1) on projected features. */
  public NDArray decodeBiased(ParameterStore ps, NDArray projected, NDArray latentBias) {
    return fcomb.decodeBiased(ps, projected, latentBias);
  }

  /** Parameter counts of the four parts (prior, posterior, unet, fcomb) and their total. */
  public Map<String, Long> parameterCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("prior", ParameterCounts.of(prior));
    counts.put("posterior", ParameterCounts.of(posterior));
    counts.put("unet", ParameterCounts.of(unet));
    counts.put("fcomb", ParameterCounts.of(fcomb));
    counts.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
    return counts;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape image = inputShapes[0];
    Shape latent = new Shape(image.get(0), config.latentDim());
    Shape logits = new Shape(image.get(0), config.numClasses(), image.get(2), image.get(3));
    if (inputShapes.length > 3) {
      Shape samples =
          new Shape(inputShapes[3].get(0), config.numClasses(), image.get(2), image.get(3));
      return new Shape[] {logits, latent, latent, latent, latent, samples};
    }
    return new Shape[] {logits, latent, latent, latent, latent};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape image = inputShapes[0];
    Shape oneHot = inputShapes[1];
    unet.initialize(manager, dataType, image);
    prior.initialize(manager, dataType, image);
    posterior.initialize(
        manager, dataType, Shapes.withChannels(image, image.get(1) + oneHot.get(1)));
    Shape features = unet.getOutputShapes(new Shape[] {image})[0];
    fcomb.initialize(manager, dataType, features, new Shape(image.get(0), config.latentDim()));
  }
}
