package org.ambiseg.app.export;

import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.SampleSet;

/**
 * The probability maps an animation shows, one per frame: the samples of a {@link SampleSet}, or a
 * latent sweep (maps decoded along a path through the latent space, given by the caller). Each map
 * is shown as its hard mask (probability at least 0.5).
 */
public final class FrameSource {

  private final int width;
  private final int height;
  private final List<float[]> maps;
  private final String labelWord;

  private FrameSource(int width, int height, List<float[]> maps, String labelWord) {
    if (maps.isEmpty()) {
      throw new IllegalArgumentException("an animation needs at least one frame");
    }
    for (int i = 0; i < maps.size(); i++) {
      if (maps.get(i).length != width * height) {
        throw new IllegalArgumentException(
            "map " + i + " has " + maps.get(i).length + " values, expected " + width * height);
      }
    }
    this.width = width;
    this.height = height;
    this.maps = List.copyOf(maps);
    this.labelWord = labelWord;
  }

  /** One frame per sample, labelled "sample k/N". */
  public static FrameSource samples(SampleSet samples) {
    List<float[]> maps = new ArrayList<>(samples.size());
    for (int i = 0; i < samples.size(); i++) {
      maps.add(samples.probability(i));
    }
    return new FrameSource(samples.width(), samples.height(), maps, "sample");
  }

  /**
   * One frame per map of a latent sweep (row-major, {@code width} x {@code height}), labelled "step
   * k/N". The maps are copied.
   */
  public static FrameSource sweep(int width, int height, List<float[]> maps) {
    List<float[]> copies = new ArrayList<>(maps.size());
    maps.forEach(m -> copies.add(m.clone()));
    return new FrameSource(width, height, copies, "step");
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Number of frames. */
  public int size() {
    return maps.size();
  }

  /** Frame {@code i}'s hard mask: foreground where the probability is at least 0.5. */
  public boolean[] mask(int i) {
    float[] p = maps.get(i);
    boolean[] out = new boolean[p.length];
    for (int k = 0; k < p.length; k++) {
      out[k] = p[k] >= 0.5f;
    }
    return out;
  }

  /** Frame {@code i}'s label, counting from 1: "sample 3/16" or "step 3/16". */
  public String label(int i) {
    return labelWord + " " + (i + 1) + "/" + size();
  }
}
