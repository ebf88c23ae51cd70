package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.Image2D;

/**
 * Inference with an {@link McDropoutUNetModel}, returning plain foreground probability maps
 * (softmax, class 1): {@link #sample} runs n stochastic passes as one batched forward (the image
 * repeated n times), {@link #predict} runs deterministic passes with dropout off. Every NDArray
 * lives in a sub-manager closed before the method returns.
 */
public final class McDropoutUNetSampler {

  private final McDropoutUNetModel model;
  private final Normalization normalization;

  /** A sampler for {@code model}, normalising inputs as the model was trained. */
  public McDropoutUNetSampler(McDropoutUNetModel model, Normalization normalization) {
    this.model = model;
    this.normalization = normalization;
  }

  /**
   * {@code n} MC-dropout passes over {@code image} as one forward pass of batch n; the dropout
   * masks are drawn after seeding the engine with {@code seed} (see {@link ForcedDropout}), so the
   * same image, n and seed give the same maps. A model without dropout runs one pass and returns n
   * copies of it.
   */
  public List<float[]> sample(Image2D image, int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("needs at least one sample, got " + n);
    }
    float[] one = input(image);
    if (model.config().dropout() == 0f) {
      float[] p = forward(List.of(one), image.width(), image.height(), null).get(0);
      List<float[]> copies = new ArrayList<>(n);
      for (int s = 0; s < n; s++) {
        copies.add(p.clone());
      }
      return copies;
    }
    List<float[]> repeated = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      repeated.add(one);
    }
    return ForcedDropout.withSeed(
        seed, () -> forward(repeated, image.width(), image.height(), null));
  }

  /**
   * Deterministic foreground maps (dropout off) for a list of images, one map per image in order;
   * images of the same size share one batched forward pass.
   */
  public List<float[]> predict(List<Image2D> images) {
    Map<List<Integer>, List<Integer>> bySize = new LinkedHashMap<>();
    for (int i = 0; i < images.size(); i++) {
      Image2D im = images.get(i);
      bySize.computeIfAbsent(List.of(im.width(), im.height()), k -> new ArrayList<>()).add(i);
    }
    float[][] out = new float[images.size()][];
    for (Map.Entry<List<Integer>, List<Integer>> group : bySize.entrySet()) {
      List<float[]> inputs = new ArrayList<>();
      for (int i : group.getValue()) {
        inputs.add(input(images.get(i)));
      }
      List<float[]> maps =
          forward(inputs, group.getKey().get(0), group.getKey().get(1), ForcedDropout.off());
      for (int k = 0; k < maps.size(); k++) {
        out[group.getValue().get(k)] = maps.get(k);
      }
    }
    return Arrays.asList(out);
  }

  /** The model input for one image: its channels, normalised, checked against the model. */
  private float[] input(Image2D image) {
    return ModelInput.prepare(
        image, model.config().inputChannels(), model.config().sizeDivisor(), normalization);
  }

  /** One forward pass over a batch of same-size inputs; foreground probabilities per input. */
  private List<float[]> forward(
      List<float[]> inputs, int width, int height, PairList<String, Object> params) {
    int c = model.config().inputChannels();
    int plane = width * height;
    float[] batch = new float[inputs.size() * c * plane];
    for (int b = 0; b < inputs.size(); b++) {
      System.arraycopy(inputs.get(b), 0, batch, b * c * plane, c * plane);
    }
    try (NDManager m = model.manager().newSubManager()) {
      NDArray x = m.create(batch, new Shape(inputs.size(), c, height, width));
      NDArray logits =
          model.block().forward(model.parameterStore(), new NDList(x), false, params).head();
      float[] all = logits.softmax(1).get(":, 1").toFloatArray();
      List<float[]> out = new ArrayList<>(inputs.size());
      for (int b = 0; b < inputs.size(); b++) {
        out.add(Arrays.copyOfRange(all, b * plane, (b + 1) * plane));
      }
      return out;
    }
  }
}
