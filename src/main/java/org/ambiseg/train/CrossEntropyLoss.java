package org.ambiseg.train;

import ai.djl.ndarray.NDArray;

/**
 * Pixel-wise cross entropy of class logits against one mask per image, summed over the pixels and
 * averaged over the batch, as the reconstruction term of {@link ElboLoss} and the PyTorch reference
 * ({@code cross_entropy(..., reduction="sum") / B}):
 *
 * <pre>
 *   CE = (1/B) sum_b sum_pixels -log softmax(logits_b)[y_b]
 * </pre>
 */
public final class CrossEntropyLoss {

  private CrossEntropyLoss() {}

  /** The loss (a scalar NDArray) for logits (B,K,H,W) and a one-hot target (B,K,H,W). */
  public static NDArray compute(NDArray logits, NDArray oneHot) {
    long batch = logits.getShape().get(0);
    return logits.logSoftmax(1).mul(oneHot).sum().neg().div(batch);
  }
}
