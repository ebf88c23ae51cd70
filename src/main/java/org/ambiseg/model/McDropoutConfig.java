package org.ambiseg.model;

import java.util.Arrays;
import java.util.List;

/**
 * Architecture of the MC-dropout U-Net and of the plain U-Net baseline: the Prob U-Net's U-Net
 * (same widths and convolutions per level) with forced element-wise dropout of rate {@code dropout}
 * after every ReLU, then a 1x1 convolution to the classes. A rate of 0 is the deterministic U-Net
 * (model type "unet"); above 0 it is MC dropout (model type "mcdropout"). The preset {@link
 * #MCDROPOUT_128} matches the {@code mcdropout-128} model of shared/bench exactly.
 *
 * @param inputChannels image channels (1 for grey)
 * @param numClasses output classes (2 for binary segmentation)
 * @param channels width of each U-Net level, shallow to deep
 * @param convsPerLevel 3x3 convolutions per level block
 * @param dropout drop probability p in [0, 1) after every ReLU
 */
public record McDropoutConfig(
    int inputChannels, int numClasses, int[] channels, int convsPerLevel, float dropout) {

  /** Model type of a configuration with dropout. */
  public static final String MCDROPOUT = "mcdropout";

  /** Model type of a configuration without dropout. */
  public static final String UNET = "unet";

  /** The reference MC-dropout model of shared/bench/probunet_ref.py (2,260,194 parameters). */
  public static final McDropoutConfig MCDROPOUT_128 =
      new McDropoutConfig(1, 2, new int[] {32, 64, 128, 192}, 3, 0.2f);

  /** A reduced preset for CPU training: same structure, a quarter of the convolution work. */
  public static final McDropoutConfig MCDROPOUT_SMALL =
      new McDropoutConfig(1, 2, new int[] {16, 32, 64, 96}, 3, 0.2f);

  /** A tiny preset for tests (fast on one core). */
  public static final McDropoutConfig MCDROPOUT_TINY =
      new McDropoutConfig(1, 2, new int[] {4, 8}, 1, 0.2f);

  /** Validates the sizes and the rate. */
  public McDropoutConfig {
    require(inputChannels >= 1, "inputChannels must be >= 1");
    require(numClasses >= 2, "numClasses must be >= 2");
    require(channels != null && channels.length >= 1, "channels needs at least one level");
    channels = channels.clone();
    for (int c : channels) {
      require(c >= 1, "every level needs >= 1 channel, got " + Arrays.toString(channels));
    }
    require(convsPerLevel >= 1, "convsPerLevel must be >= 1");
    require(dropout >= 0f && dropout < 1f, "dropout must be in [0, 1), got " + dropout);
  }

  /**
   * Looks up a named preset: mcdropout-128, mcdropout-small, mcdropout-tiny, or the same names with
   * prefix "unet-" for the deterministic baseline (dropout 0).
   */
  public static McDropoutConfig preset(String name) {
    return switch (name) {
      case "mcdropout-128" -> MCDROPOUT_128;
      case "mcdropout-small" -> MCDROPOUT_SMALL;
      case "mcdropout-tiny" -> MCDROPOUT_TINY;
      case "unet-128" -> MCDROPOUT_128.withDropout(0f);
      case "unet-small" -> MCDROPOUT_SMALL.withDropout(0f);
      case "unet-tiny" -> MCDROPOUT_TINY.withDropout(0f);
      default ->
          throw new IllegalArgumentException(
              "unknown preset '" + name + "'; known: " + presetNames());
    };
  }

  /** Names accepted by {@link #preset}. */
  public static List<String> presetNames() {
    return List.of(
        "mcdropout-128",
        "mcdropout-small",
        "mcdropout-tiny",
        "unet-128",
        "unet-small",
        "unet-tiny");
  }

  /** The same architecture with another dropout rate. */
  public McDropoutConfig withDropout(float rate) {
    return new McDropoutConfig(inputChannels, numClasses, channels, convsPerLevel, rate);
  }

  /** "mcdropout" when the configuration drops, "unet" when it is deterministic. */
  public String modelType() {
    return dropout > 0f ? MCDROPOUT : UNET;
  }

  @Override
  public int[] channels() {
    return channels.clone();
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
    return o instanceof McDropoutConfig c
        && inputChannels == c.inputChannels
        && numClasses == c.numClasses
        && Arrays.equals(channels, c.channels)
        && convsPerLevel == c.convsPerLevel
        && dropout == c.dropout;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(channels) * 31 + Float.hashCode(dropout);
  }

  @Override
  public String toString() {
    return "McDropoutConfig[in="
        + inputChannels
        + ", classes="
        + numClasses
        + ", channels="
        + Arrays.toString(channels)
        + ", convs="
        + convsPerLevel
        + ", dropout="
        + dropout
        + "]";
  }
}
