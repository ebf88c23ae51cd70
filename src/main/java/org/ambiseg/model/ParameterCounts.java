package org.ambiseg.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Counts the scalar parameters (weights and biases) of a block and its children. */
final class ParameterCounts {

  private ParameterCounts() {}

  /** Number of values in all of {@code block}'s parameters. */
  static long of(Block block) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      n += p.getValue().getShape().size();
    }
    return n;
  }
}
