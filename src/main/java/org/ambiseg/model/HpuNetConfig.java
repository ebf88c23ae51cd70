package org.ambiseg.model;

import java.util.Arrays;
import java.util.List;

/**
 * Architecture of a Hierarchical Probabilistic U-Net (Kohl et al. 2019, "A Hierarchical
 * Probabilistic U-Net for Modeling Multi-Scale Ambiguities"), with the vocabulary of DeepMind's
 * reference code: a residual U-Net whose coarsest decoder levels carry latent scales.
 *
 * @param inputChannels image channels
 * @param numClasses output classes
 * @param channels width of each level, shallow to deep (its length is the number of levels)
 * @param downChannels bottleneck width inside the residual blocks of each level
 * @param latentChannels channels of each latent scale, coarse to fine (one scale per entry)
 * @param convsPerBlock 3x3 convolutions per residual block
 * @param blocksPerLevel residual blocks per level
 * @param logSigmaMin lower clamp of the latent log sigma
 * @param logSigmaMax upper clamp of the latent log sigma
 */
public record HpuNetConfig(
    int inputChannels,
    int numClasses,
    int[] channels,
    int[] downChannels,
    int[] latentChannels,
    int convsPerBlock,
    int blocksPerLevel,
    float logSigmaMin,
    float logSigmaMax) {

  /** The paper's LIDC configuration: 8 levels, 4 latent scales of 1 channel (1x1 .. 8x8). */
  public static final HpuNetConfig HPUNET_LIDC =
      new HpuNetConfig(
          1,
          2,
          new int[] {24, 48, 96, 192, 192, 192, 192, 192},
          new int[] {12, 24, 48, 96, 96, 96, 96, 96},
          new int[] {1, 1, 1, 1},
          3,
          3,
          -10f,
          5f);

  /** A reduced preset for CPU training: same levels and scales, narrower, one block per level. */
  public static final HpuNetConfig HPUNET_SMALL =
      new HpuNetConfig(
          1,
          2,
          new int[] {16, 32, 48, 64, 64, 64, 64, 64},
          new int[] {8, 16, 24, 32, 32, 32, 32, 32},
          new int[] {1, 1, 1, 1},
          3,
          1,
          -10f,
          5f);

  /** A tiny preset for tests: 4 levels (inputs divisible by 8), 2 latent scales. */
  public static final HpuNetConfig HPUNET_TINY =
      new HpuNetConfig(
          1, 2, new int[] {4, 8, 8, 8}, new int[] {2, 4, 4, 4}, new int[] {1, 2}, 2, 1, -10f, 5f);

  /** Validates the sizes. */
  public HpuNetConfig {
    check(inputChannels >= 1 && numClasses >= 2, "need >= 1 input channel and >= 2 classes");
    check(
        channels != null && downChannels != null && channels.length == downChannels.length,
        "channels and downChannels need one entry per level");
    check(
        latentChannels != null && latentChannels.length >= 1,
        "at least one latent scale is needed");
    check(
        latentChannels.length < channels.length,
        "latent scales ("
            + latentChannels.length
            + ") must be fewer than levels ("
            + channels.length
            + ")");
    channels = channels.clone();
    downChannels = downChannels.clone();
    latentChannels = latentChannels.clone();
    for (int i = 0; i < channels.length; i++) {
      check(channels[i] >= 1 && downChannels[i] >= 1, "widths must be >= 1");
    }
    for (int c : latentChannels) {
      check(c >= 1, "latent channels must be >= 1");
    }
    check(convsPerBlock >= 1 && blocksPerLevel >= 1, "need >= 1 conv per block, block per level");
    check(logSigmaMin < logSigmaMax, "logSigmaMin must be below logSigmaMax");
  }

  /** Looks up a preset: hpunet-lidc, hpunet-small or hpunet-tiny. */
  public static HpuNetConfig preset(String name) {
    return switch (name) {
      case "hpunet-lidc" -> HPUNET_LIDC;
      case "hpunet-small" -> HPUNET_SMALL;
      case "hpunet-tiny" -> HPUNET_TINY;
      default ->
          throw new IllegalArgumentException(
              "unknown preset '"
                  + name
                  + "'; known: "
                  + List.of("hpunet-lidc", "hpunet-small", "hpunet-tiny"));
    };
  }

  @Override
  public int[] channels() {
    return channels.clone();
  }

  @Override
  public int[] downChannels() {
    return downChannels.clone();
  }

  @Override
  public int[] latentChannels() {
    return latentChannels.clone();
  }

  /** Number of levels. */
  public int levels() {
    return channels.length;
  }

  /** Number of latent scales. */
  public int scales() {
    return latentChannels.length;
  }

  /** Input sizes must divide by this. */
  public int sizeDivisor() {
    return 1 << (channels.length - 1);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HpuNetConfig c
        && inputChannels == c.inputChannels
        && numClasses == c.numClasses
        && Arrays.equals(channels, c.channels)
        && Arrays.equals(downChannels, c.downChannels)
        && Arrays.equals(latentChannels, c.latentChannels)
        && convsPerBlock == c.convsPerBlock
        && blocksPerLevel == c.blocksPerLevel
        && logSigmaMin == c.logSigmaMin
        && logSigmaMax == c.logSigmaMax;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(channels) * 31 + Arrays.hashCode(latentChannels);
  }

  @Override
  public String toString() {
    return "HpuNetConfig[channels="
        + Arrays.toString(channels)
        + ", down="
        + Arrays.toString(downChannels)
        + ", latents="
        + Arrays.toString(latentChannels)
        + ", convs="
        + convsPerBlock
        + ", blocks="
        + blocksPerLevel
        + "]";
  }
}
