package org.ambiseg.estimate;

import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.SampleSet;

/** Builds disc-shaped probability maps and sample sets for the estimate tests. */
final class Discs {

  private Discs() {}

  /** A hard disc (probability 1 inside, 0 outside) on a size x size grid. */
  static float[] disc(int size, double cx, double cy, double radius) {
    float[] p = new float[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        p[y * size + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius ? 1f : 0f;
      }
    }
    return p;
  }

  /** A set of square maps. */
  static SampleSet set(int size, List<float[]> maps) {
    return SampleSet.of(size, size, new ArrayList<>(maps), "test", 7L);
  }
}
