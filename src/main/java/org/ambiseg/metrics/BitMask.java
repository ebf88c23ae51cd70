package org.ambiseg.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ambiseg.core.LabelMask;

/**
 * A binary mask packed into 64-bit words, with its foreground count precomputed, so that overlap
 * counts between masks cost one {@link Long#bitCount} per 64 pixels.
 *
 * <p>Pixel {@code i} is bit {@code i % 64} of word {@code i / 64}; bits past {@link #length()} are
 * always zero. Instances are immutable.
 */
public final class BitMask {

  private final int length;
  private final long[] words;
  private final int foregroundCount;

  private BitMask(int length, long[] words) {
    this.length = length;
    this.words = words;
    int count = 0;
    for (long w : words) {
      count += Long.bitCount(w);
    }
    this.foregroundCount = count;
  }

  /** Packs a foreground array (true = foreground). */
  public static BitMask of(boolean[] foreground) {
    long[] words = new long[(foreground.length + 63) >>> 6];
    for (int i = 0; i < foreground.length; i++) {
      if (foreground[i]) {
        words[i >>> 6] |= 1L << (i & 63);
      }
    }
    return new BitMask(foreground.length, words);
  }

  /** Packs a label mask's foreground (any non-zero class). */
  public static BitMask of(LabelMask mask) {
    return of(mask.foreground());
  }

  /** Packs a probability map thresholded at {@code threshold} (foreground where p &ge; it). */
  public static BitMask ofThreshold(float[] probability, float threshold) {
    long[] words = new long[(probability.length + 63) >>> 6];
    for (int i = 0; i < probability.length; i++) {
      if (probability[i] >= threshold) {
        words[i >>> 6] |= 1L << (i & 63);
      }
    }
    return new BitMask(probability.length, words);
  }

  /** Packs every mask of a list. */
  public static List<BitMask> ofAll(List<boolean[]> foregrounds) {
    List<BitMask> out = new ArrayList<>(foregrounds.size());
    for (boolean[] f : foregrounds) {
      out.add(of(f));
    }
    return out;
  }

  /** Number of pixels. */
  public int length() {
    return length;
  }

  /** Number of foreground pixels. */
  public int foregroundCount() {
    return foregroundCount;
  }

  /** True when no pixel is foreground. */
  public boolean isEmpty() {
    return foregroundCount == 0;
  }

  /** Whether pixel {@code i} is foreground. */
  public boolean get(int i) {
    if (i < 0 || i >= length) {
      throw new IndexOutOfBoundsException("pixel " + i + " of " + length);
    }
    return (words[i >>> 6] & (1L << (i & 63))) != 0;
  }

  /** Number of pixels that are foreground in both masks. */
  public int intersectionCount(BitMask other) {
    requireSameLength(other);
    long[] a = words;
    long[] b = other.words;
    int count = 0;
    for (int k = 0; k < a.length; k++) {
      count += Long.bitCount(a[k] & b[k]);
    }
    return count;
  }

  /** The mask unpacked to one flag per pixel. */
  public boolean[] toBooleans() {
    boolean[] out = new boolean[length];
    for (int i = 0; i < length; i++) {
      out[i] = (words[i >>> 6] & (1L << (i & 63))) != 0;
    }
    return out;
  }

  void requireSameLength(BitMask other) {
    if (other.length != length) {
      throw new IllegalArgumentException(
          "masks of different sizes: " + length + " and " + other.length + " pixels");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BitMask other
        && length == other.length
        && Arrays.equals(words, other.words);
  }

  @Override
  public int hashCode() {
    return 31 * length + Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "BitMask[" + length + " px, fg=" + foregroundCount + "]";
  }
}
