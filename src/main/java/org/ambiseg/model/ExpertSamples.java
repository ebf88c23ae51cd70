package org.ambiseg.model;

import java.util.List;

/**
 * One expert's group in MoSE's compact output: the expert's index, its mixture weight for the image
 * and its samples (foreground probability maps), each of which carries {@link #sampleWeight()}.
 *
 * @param expert index of the expert, 0-based
 * @param weight the gate's mixture weight of the expert for this image (weights sum to 1)
 * @param maps the expert's samples, each H x W row-major
 */
public record ExpertSamples(int expert, double weight, List<float[]> maps) {

  /** Copies the list. */
  public ExpertSamples {
    maps = List.copyOf(maps);
  }

  /** The weight each sample carries: the expert's weight shared among its samples. */
  public double sampleWeight() {
    return maps.isEmpty() ? 0 : weight / maps.size();
  }
}
