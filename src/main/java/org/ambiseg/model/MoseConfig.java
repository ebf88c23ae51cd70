package org.ambiseg.model;

import java.util.List;

/**
 * Architecture of a Mixture of Stochastic Experts (MoSE; Gao et al., ICLR 2023): the Prob U-Net's
 * backbone, latent size and combination head (reused as {@link ProbUNetConfig}; its posterior is
 * not built) with {@code experts} image-conditioned latent Gaussians and a gating head.
 *
 * <p>Defaults: K = 4 experts and a 1-dimensional latent per expert, as MoSE reports for LIDC, on
 * the lighter [32, 64, 128, 192] backbone with 3 convolutions per level and 3 Fcomb layers.
 *
 * @param base backbone widths, convolutions per level, latent size per expert, Fcomb layers and
 *     log-sigma clamp
 * @param experts number of stochastic experts K
 */
public record MoseConfig(ProbUNetConfig base, int experts) {

  /** The default architecture: [32, 64, 128, 192], 4 experts, latent dim 1. */
  public static final MoseConfig MOSE_128 =
      new MoseConfig(new ProbUNetConfig(1, 2, new int[] {32, 64, 128, 192}, 3, 1, 3, -10f, 5f), 4);

  /** The reduced CPU preset: the widths of probunet-small, 4 experts. */
  public static final MoseConfig MOSE_SMALL =
      new MoseConfig(new ProbUNetConfig(1, 2, new int[] {16, 32, 64, 96}, 3, 1, 3, -10f, 5f), 4);

  /** A tiny preset for tests: the widths of probunet-tiny, 2 experts. */
  public static final MoseConfig MOSE_TINY =
      new MoseConfig(new ProbUNetConfig(1, 2, new int[] {4, 8}, 1, 1, 2, -10f, 5f), 2);

  /** Validates the sizes. */
  public MoseConfig {
    if (base == null) {
      throw new IllegalArgumentException("a MoSE architecture needs its backbone configuration");
    }
    if (experts < 1) {
      throw new IllegalArgumentException("experts must be >= 1, got " + experts);
    }
  }

  /** Looks up a named preset: mose-128, mose-small or mose-tiny. */
  public static MoseConfig preset(String name) {
    return switch (name) {
      case "mose-128" -> MOSE_128;
      case "mose-small" -> MOSE_SMALL;
      case "mose-tiny" -> MOSE_TINY;
      default ->
          throw new IllegalArgumentException(
              "unknown preset '" + name + "'; known: " + presetNames());
    };
  }

  /** Names accepted by {@link #preset}. */
  public static List<String> presetNames() {
    return List.of("mose-128", "mose-small", "mose-tiny");
  }

  /** Latent size of one expert. */
  public int latentDim() {
    return base.latentDim();
  }

  /** Input sizes must divide by this. */
  public int sizeDivisor() {
    return base.sizeDivisor();
  }
}
