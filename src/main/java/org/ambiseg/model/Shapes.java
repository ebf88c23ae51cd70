package org.ambiseg.model;

import ai.djl.ndarray.types.Shape;

/** Small helpers for NCHW shapes. */
final class Shapes {

  private Shapes() {}

  /** The NCHW shape with its channel count replaced. */
  static Shape withChannels(Shape nchw, long channels) {
    return new Shape(nchw.get(0), channels, nchw.get(2), nchw.get(3));
  }

  /** The NCHW shape with height and width halved (2x2 pooling). */
  static Shape halved(Shape nchw) {
    return new Shape(nchw.get(0), nchw.get(1), nchw.get(2) / 2, nchw.get(3) / 2);
  }
}
