package org.ambiseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.BadInputException;

/**
 * Copies a block's parameters to and from plain {@link TensorBundle.Tensor}s. Loading checks every
 * name and shape first and sets nothing unless all match, so a model is never half-loaded.
 */
public final class BlockParameters {

  private BlockParameters() {}

  /** The block's parameters by their DJL path name, in block order. */
  public static Map<String, TensorBundle.Tensor> export(Block block) {
    Map<String, TensorBundle.Tensor> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray a = p.getValue().getArray();
      out.put(p.getKey(), new TensorBundle.Tensor(a.getShape().getShape(), a.toFloatArray()));
    }
    return out;
  }

  /**
   * Sets the block's parameters from {@code tensors} after checking that the names and shapes match
   * exactly; {@code source} names the file in error messages.
   */
  public static void load(Block block, Map<String, TensorBundle.Tensor> tensors, String source)
      throws BadInputException {
    List<String> problems = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      TensorBundle.Tensor t = tensors.get(p.getKey());
      long[] expected = p.getValue().getArray().getShape().getShape();
      if (t == null) {
        problems.add("missing parameter " + p.getKey());
      } else if (!Arrays.equals(t.shape(), expected)) {
        problems.add(
            p.getKey()
                + " has shape "
                + Arrays.toString(t.shape())
                + " but the configuration needs "
                + Arrays.toString(expected));
      }
    }
    long known = block.getParameters().keys().stream().filter(tensors::containsKey).count();
    if (known != tensors.size()) {
      problems.add((tensors.size() - known) + " parameters in the file are not in the model");
    }
    if (!problems.isEmpty()) {
      String shown = String.join("; ", problems.subList(0, Math.min(3, problems.size())));
      throw new BadInputException(
          source,
          "parameters do not match the model configuration ("
              + problems.size()
              + " problems: "
              + shown
              + (problems.size() > 3 ? "; ..." : "")
              + ")");
    }
    for (Pair<String, Parameter> p : block.getParameters()) {
      p.getValue().getArray().set(FloatBuffer.wrap(tensors.get(p.getKey()).values()));
    }
  }
}
