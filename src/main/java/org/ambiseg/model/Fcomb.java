package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The combination head of the Probabilistic U-Net: z is tiled over the image, concatenated after
 * the U-Net features, and passed through 1x1 convolutions with ReLU and a final 1x1 classifier.
 *
 * <p>Because the first 1x1 convolution is linear, conv(concat(f, z)) = W_f * f + b + W_z * z
 * exactly. {@link #project} computes W_f * f + b once per image; {@link #decodeProjected} adds W_z
 * * z as a per-sample bias and runs only the remaining layers, so extra samples cost a fraction of
 * the full head. Both paths give identical logits (up to float rounding).
 */
public final class Fcomb extends AbstractBlock {

  private final int featureChannels;
  private final int latentDim;
  private final int numClasses;
  private final List<Conv2d> layers = new ArrayList<>();
  private final Conv2d classifier;

  /** A head for features of width {@code featureChannels} and z of size {@code latentDim}. */
  public Fcomb(int featureChannels, int latentDim, int hiddenLayers, int numClasses) {
    this.featureChannels = featureChannels;
    this.latentDim = latentDim;
    this.numClasses = numClasses;
    for (int i = 0; i < hiddenLayers; i++) {
      layers.add(addChildBlock("conv" + i, conv1x1(featureChannels)));
    }
    classifier = addChildBlock("classifier", conv1x1(numClasses));
  }

  private static Conv2d conv1x1(int filters) {
    return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).build();
  }

  /**
   * The plain path: inputs [features (B, C, H, W), z (B, L)] -> logits (B, K, H, W). Features with
   * batch 1 are broadcast against a z batch.
   */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = inputs.get(0);
    NDArray z = inputs.get(1);
    Shape fs = features.getShape();
    long n = z.getShape().get(0);
    // tile z over the image and concatenate [features, z]
    NDArray tiled = z.reshape(n, latentDim, 1, 1).broadcast(n, latentDim, fs.get(2), fs.get(3));
    NDArray feats =
        fs.get(0) == n ? features : features.broadcast(n, fs.get(1), fs.get(2), fs.get(3));
    NDArray x = NDArrays.concat(new NDList(feats, tiled), 1);
    for (Conv2d layer : layers) {
      x = InPlaceRelu.apply(layer.forward(ps, new NDList(x), training).head());
    }
    return classifier.forward(ps, new NDList(x), training);
  }

  /** W_f * features + b of the first layer: computed once per image (shape B x C' x H x W). */
  public NDArray project(ParameterStore ps, NDArray features) {
    NDArray w = firstWeight(ps, features);
    NDArray wf = w.get(":, :" + featureChannels);
    wf.attach(features.getManager()); // a slice of a parameter: owned by the caller's manager
    NDArray b = ps.getValue(layers.get(0).getParameters().get("bias"), features.getDevice(), false);
    return Conv2d.conv2d(features, wf, b).head();
  }

  /**
   * Logits for a batch of z on a projection from {@link #project}: adds W_z * z per sample, then
   * runs the remaining layers ({@link #decodeBiased}). Every array it makes lives in z's manager.
   */
  public NDArray decodeProjected(ParameterStore ps, NDArray projected, NDArray z) {
    NDArray w = firstWeight(ps, projected);
    long hidden = w.getShape().get(0);
    NDArray slice = w.get(":, " + featureChannels + ":");
    slice.attach(z.getManager()); // a slice of a parameter: owned by the caller's manager
    NDArray wz = slice.reshape(hidden, latentDim).transpose();
    long n = z.getShape().get(0);
    return decodeBiased(ps, projected, z.matMul(wz).reshape(n, hidden, 1, 1));
  }

  /**
   * The first layer's weights for z as a Java array in (hidden, latentDim) order: row h holds the
   * weights of unit h for z_0 .. z_{L-1}, so a caller can form W_z * z on the host.
   */
  public float[] latentWeights(ParameterStore ps, NDArray like) {
    // read the whole (hidden, C + L, 1, 1) weight and pick the z columns on the host: slicing on
    // the engine would leave index arrays in the parameter's manager
    NDArray w = firstWeight(ps, like);
    int hidden = Math.toIntExact(w.getShape().get(0));
    int width = featureChannels + latentDim;
    float[] all = w.toFloatArray();
    if (all.length != hidden * width) {
      throw new IllegalStateException("unexpected fcomb weight shape " + w.getShape());
    }
    float[] out = new float[hidden * latentDim];
    for (int h = 0; h < hidden; h++) {
      System.arraycopy(all, h * width + featureChannels, out, h * latentDim, latentDim);
    }
    return out;
  }

  /**
   * Logits for per-sample first-layer terms {@code latentBias} = W_z * z (shape N x hidden x 1 x 1)
   * on a projection from {@link #project}: relu(latentBias + projected), then the remaining layers.
   * A projection of one image is broadcast to all N; with a projection of B images, the N terms (N
   * a multiple of B) are taken as N / B consecutive samples per image. Every array it makes lives
   * in latentBias's manager, so the caller's scratch manager frees them.
   */
  public NDArray decodeBiased(ParameterStore ps, NDArray projected, NDArray latentBias) {
    // latentBias first: the sum (and all that follows) belongs to its manager, not the cache's
    NDArray x;
    Shape p = projected.getShape();
    long images = p.get(0);
    if (images == 1) {
      x = InPlaceRelu.apply(latentBias.add(projected));
    } else {
      Shape b = latentBias.getShape();
      long n = b.get(0);
      if (n % images != 0) {
        throw new IllegalArgumentException(
            n + " latents do not divide among " + images + " images");
      }
      NDArray perSample = latentBias.reshape(images, n / images, b.get(1), 1, 1);
      NDArray perImage = projected.reshape(images, 1, p.get(1), p.get(2), p.get(3));
      // ReLU on the fresh sum, before the reshape makes a view of it
      x = InPlaceRelu.apply(perSample.add(perImage)).reshape(n, p.get(1), p.get(2), p.get(3));
    }
    for (int i = 1; i < layers.size(); i++) {
      x = InPlaceRelu.apply(layers.get(i).forward(ps, new NDList(x), false).head());
    }
    return classifier.forward(ps, new NDList(x), false).head();
  }

  private NDArray firstWeight(ParameterStore ps, NDArray like) {
    return ps.getValue(layers.get(0).getParameters().get("weight"), like.getDevice(), false);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape f = inputShapes[0];
    return new Shape[] {new Shape(inputShapes[1].get(0), numClasses, f.get(2), f.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape f = inputShapes[0];
    Shape s = new Shape(inputShapes[1].get(0), featureChannels + latentDim, f.get(2), f.get(3));
    for (Conv2d layer : layers) {
      layer.initialize(manager, dataType, s);
      s = layer.getOutputShapes(new Shape[] {s})[0];
    }
    classifier.initialize(manager, dataType, s);
  }
}
