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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Hierarchical Probabilistic U-Net (Kohl et al. 2019): a prior {@link HierarchicalCore} on the
 * image, a posterior core on image + one-hot mask, and a {@link StitchingDecoder}. In training the
 * posterior's latents are injected into the prior's decoder at every scale, which gives both the
 * reconstruction and one KL(q || p) per scale; at sampling time the prior chooses the latents.
 */
public final class HpuNet extends AbstractBlock {

  private final HpuNetConfig config;
  private final HierarchicalCore prior;
  private final HierarchicalCore posterior;
  private final StitchingDecoder stitching;

  /** Reconstruction logits and the KL of each scale (each of shape B, summed over pixels). */
  public record TrainingOutput(NDArray logits, List<NDArray> klPerScale) {}

  /** The blocks for an architecture. */
  public HpuNet(HpuNetConfig config) {
    this.config = config;
    prior = addChildBlock("prior", new HierarchicalCore(config, config.inputChannels()));
    posterior =
        addChildBlock(
            "posterior",
            new HierarchicalCore(config, config.inputChannels() + config.numClasses()));
    stitching = addChildBlock("stitching", new StitchingDecoder(config));
  }

  public HpuNetConfig config() {
    return config;
  }

  /**
   * The training pass: z_s = mu_q + sigma_q * eps_s from the posterior at every scale, injected
   * into the prior; {@code eps} holds one standard-normal tensor per scale of the latent's shape.
   */
  public TrainingOutput forwardTraining(
      ParameterStore ps, NDArray image, NDArray oneHot, List<NDArray> eps, boolean training) {
    return forwardTraining(ps, image, oneHot, eps, config.scales(), training);
  }

  /**
   * The training pass with only the {@code activeScales} coarsest scales in the decoder: the finer
   * scales get z = 0 in both cores, so they carry no information about the mask (their KL is still
   * computed). Used by the coarse-to-fine curriculum ({@code ScaleCurriculum} in the trainer).
   */
  public TrainingOutput forwardTraining(
      ParameterStore ps,
      NDArray image,
      NDArray oneHot,
      List<NDArray> eps,
      int activeScales,
      boolean training) {
    NDArray both = NDArrays.concat(new NDList(image, oneHot), 1);
    HierarchicalCore.Output q =
        posterior.decode(
            ps,
            posterior.encode(ps, both, training),
            (s, mean, logSigma) ->
                s < activeScales ? mean.add(logSigma.exp().mul(eps.get(s))) : mean.zerosLike(),
            training);
    List<NDArray> priorEncoder = prior.encode(ps, image, training);
    HierarchicalCore.Output p =
        prior.decode(ps, priorEncoder, (s, mean, logSigma) -> q.latents().get(s), training);
    NDArray logits = stitching.decode(ps, priorEncoder, p.decoderFeatures(), training);
    List<NDArray> kl = new ArrayList<>();
    long batch = image.getShape().get(0);
    for (int s = 0; s < config.scales(); s++) {
      NDArray perElement =
          Gaussians.kl(
              q.means().get(s), q.logSigmas().get(s), p.means().get(s), p.logSigmas().get(s));
      kl.add(perElement.reshape(batch, -1).sum(new int[] {1}));
    }
    return new TrainingOutput(logits, kl);
  }

  /** Encodes the image with the prior (cacheable across samples). */
  public List<NDArray> encodePrior(ParameterStore ps, NDArray image) {
    return prior.encode(ps, image, false);
  }

  /** Logits for the prior's latents as chosen by {@code source}, on cached encoder features. */
  public NDArray sample(ParameterStore ps, List<NDArray> priorEncoder, LatentSource source) {
    HierarchicalCore.Output p = prior.decode(ps, priorEncoder, source, false);
    return stitching.decode(ps, priorEncoder, p.decoderFeatures(), false);
  }

  /** The prior's run for {@code source}: latents, their Gaussians and the decoder output. */
  public HierarchicalCore.Output priorLatents(
      ParameterStore ps, List<NDArray> priorEncoder, LatentSource source) {
    return prior.decode(ps, priorEncoder, source, false);
  }

  /** Logits from a prior run's decoder output. */
  public NDArray stitch(ParameterStore ps, List<NDArray> priorEncoder, NDArray decoderFeatures) {
    return stitching.decode(ps, priorEncoder, decoderFeatures, false);
  }

  /** Inputs [image, one-hot, eps per scale] give [logits, KL per scale...]. */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    TrainingOutput out =
        forwardTraining(ps, inputs.get(0), inputs.get(1), inputs.subNDList(2), training);
    NDList result = new NDList(out.logits());
    result.addAll(out.klPerScale());
    return result;
  }

  /** Parameter counts of prior, posterior and stitching decoder, and their total. */
  public Map<String, Long> parameterCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("prior", ParameterCounts.of(prior));
    counts.put("posterior", ParameterCounts.of(posterior));
    counts.put("stitching", ParameterCounts.of(stitching));
    counts.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
    return counts;
  }

  /** Shape of the latent of each scale for an input of {@code batch} x H x W. */
  public Shape latentShape(int scale, long batch, long height, long width) {
    long factor = 1L << (config.levels() - 1 - scale);
    return new Shape(batch, config.latentChannels()[scale], height / factor, width / factor);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape image = inputShapes[0];
    Shape[] out = new Shape[1 + config.scales()];
    out[0] = Shapes.withChannels(image, config.numClasses());
    for (int s = 0; s < config.scales(); s++) {
      out[1 + s] = new Shape(image.get(0));
    }
    return out;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape image = inputShapes[0];
    prior.initialize(manager, dataType, image);
    posterior.initialize(
        manager, dataType, Shapes.withChannels(image, image.get(1) + config.numClasses()));
    int levels = config.levels();
    Shape[] stitchInputs = new Shape[levels + 1];
    int[] ch = config.channels();
    for (int level = 0; level < levels; level++) {
      long f = 1L << level;
      stitchInputs[level] = new Shape(image.get(0), ch[level], image.get(2) / f, image.get(3) / f);
    }
    stitchInputs[levels] = prior.getOutputShapes(new Shape[] {image})[0];
    stitching.initialize(manager, dataType, stitchInputs);
  }
}
