package org.ambiseg.model;

import java.util.Arrays;
import java.util.List;

/**
 * Architecture of a Probabilistic U-Net (Kohl et al., NeurIPS 2018): U-Net widths, convolutions per
 * level, latent size and the combination head. The preset {@link #PROBUNET_128} matches the PyTorch
 * reference in shared/bench exactly.
 *
 * @param inputChannels image channels (1 for grey)
 * @param numClasses output classes (2 for binary segmentation)
 * @param channels width of each U-Net level, shallow to deep
 * @param convsPerLevel 3x3 convolutions per level block
 * @param latentDim size of the latent vector z
 * @param fcombLayers 1x1 convolutions (each followed by ReLU) in Fcomb before the classifier
 * @param logSigmaMin lower clamp of the Gaussians' log sigma (guards against NaN KL)
 * @param logSigmaMax upper clamp of the Gaussians' log sigma
 */
public record ProbUNetConfig(
    int inputChannels,
    int numClasses,
    int[] channels,
    int convsPerLevel,
    int latentDim,
    int fcombLayers,
    float logSigmaMin,
    float logSigmaMax) {

  /** The reference configuration of shared/bench/probunet_ref.py. */
  public static final ProbUNetConfig PROBUNET_128 =
      new ProbUNetConfig(1, 2, new int[] {32, 64, 128, 192}, 3, 6, 3, -10f, 5f);

  /** A reduced preset for CPU training: same structure, a quarter of the convolution work. */
  public static final ProbUNetConfig PROBUNET_SMALL =
      new ProbUNetConfig(1, 2, new int[] {16, 32, 64, 96}, 3, 6, 3, -10f, 5f);

  /** A tiny preset for tests (fast on one core). */
  public static final ProbUNetConfig PROBUNET_TINY =
      new ProbUNetConfig(1, 2, new int[] {4, 8}, 1, 2, 2, -10f, 5f);

  /** Validates the sizes. */
  public ProbUNetConfig {
    require(inputChannels >= 1, "inputChannels must be >= 1");
    require(numClasses >= 2, "numClasses must be >= 2");
    require(channels != null && channels.length >= 1, "channels needs at least one level");
    channels = channels.clone();
    for (int c : channels) {
      require(c >= 1, "every level needs >= 1 channel, got " + Arrays.toString(channels));
    }
    require(convsPerLevel >= 1, "convsPerLevel must be >= 1");
    require(latentDim >= 1, "latentDim must be >= 1");
    require(fcombLayers >= 1, "fcombLayers must be >= 1");
    require(logSigmaMin < logSigmaMax, "logSigmaMin must be below logSigmaMax");
  }

  /** Looks up a named preset: probunet-128, probunet-small or probunet-tiny. */
  public static ProbUNetConfig preset(String name) {
    return switch (name) {
      case "probunet-128" -> PROBUNET_128;
      case "probunet-small" -> PROBUNET_SMALL;
      case "probunet-tiny" -> PROBUNET_TINY;
      default ->
          throw new IllegalArgumentException(
              "unknown preset '" + name + "'; known: " + presetNames());
    };
  }

  /** Names accepted by {@link #preset}. */
  public static List<String> presetNames() {
    return List.of("probunet-128", "probunet-small", "probunet-tiny");
  }

  @Override
  public int[] channels() {
    return channels.clone();
  }

  /** Number of U-Net levels. */
  public int levels() {
    return channels.length;
  }

  /** Width of the U-Net's output feature map (its first level). */
  public int featureChannels() {
    return channels[0];
  }

  /** Input sizes must divide by this (one halving per level below the first). */
  public int sizeDivisor() {
    return 1 << (channels.length - 1);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProbUNetConfig c
        && inputChannels == c.inputChannels
        && numClasses == c.numClasses
        && Arrays.equals(channels, c.channels)
        && convsPerLevel == c.convsPerLevel
        && latentDim == c.latentDim
        && fcombLayers == c.fcombLayers
        && logSigmaMin == c.logSigmaMin
        && logSigmaMax == c.logSigmaMax;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(channels) * 31 + latentDim;
  }

  @Override
  public String toString() {
    return "ProbUNetConfig[in="
        + inputChannels
        + ", classes="
        + numClasses
        + ", channels="
        + Arrays.toString(channels)
        + ", convs="
        + convsPerLevel
        + ", latent="
        + latentDim
        + ", fcomb="
        + fcombLayers
        + "]";
  }
}
