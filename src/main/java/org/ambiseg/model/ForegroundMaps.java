package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a batch of class logits (n, K, H, W) into n foreground probability maps (softmax, class 1).
 */
final class ForegroundMaps {

  private static final NDIndex FOREGROUND = new NDIndex(":, 1");

  private ForegroundMaps() {}

  /** One H x W map of class-1 probabilities per batch entry, as plain arrays. */
  static List<float[]> of(NDArray logits) {
    long n = logits.getShape().get(0);
    int plane = Math.toIntExact(logits.getShape().get(2) * logits.getShape().get(3));
    float[] all = logits.softmax(1).get(FOREGROUND).toFloatArray();
    List<float[]> out = new ArrayList<>((int) n);
    for (int s = 0; s < n; s++) {
      float[] p = new float[plane];
      System.arraycopy(all, s * plane, p, 0, plane);
      out.add(p);
    }
    return out;
  }
}
