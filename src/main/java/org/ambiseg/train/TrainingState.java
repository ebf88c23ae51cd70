package org.ambiseg.train;

import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ambiseg.core.BadInputException;
import org.ambiseg.model.BlockParameters;
import org.ambiseg.model.TensorBundle;

/**
 * The checkpointable state of a block and its Adam optimizer as one {@link TensorBundle}:
 * parameters under "param/", moments under "adam/m/" and "adam/v/", the optimizer's step counter in
 * the metadata. Shared by every {@link TrainableModel}.
 */
final class TrainingState {

  private static final String PARAM = "param/";
  private static final String ADAM = "adam/";

  private TrainingState() {}

  /** Parameters and moments of {@code block}, with {@code extra} merged into the metadata. */
  static TensorBundle export(Block block, AdamOptimizer optimizer, JsonObject extra) {
    Map<String, TensorBundle.Tensor> params = BlockParameters.export(block);
    Map<String, TensorBundle.Tensor> all = new LinkedHashMap<>();
    params.forEach((k, v) -> all.put(PARAM + k, v));
    optimizer
        .exportMoments()
        .forEach(
            (k, v) ->
                all.put(ADAM + k, new TensorBundle.Tensor(params.get(k.substring(2)).shape(), v)));
    JsonObject meta = extra.deepCopy();
    meta.addProperty("optimizerStep", optimizer.step());
    return new TensorBundle(all, meta);
  }

  /** Restores what {@link #export} wrote; shapes are checked before anything is set. */
  static void restore(Block block, AdamOptimizer optimizer, TensorBundle state, String source)
      throws BadInputException {
    Map<String, TensorBundle.Tensor> params = new LinkedHashMap<>();
    Map<String, float[]> moments = new LinkedHashMap<>();
    state
        .tensors()
        .forEach(
            (k, v) -> {
              if (k.startsWith(PARAM)) {
                params.put(k.substring(PARAM.length()), v);
              } else if (k.startsWith(ADAM)) {
                moments.put(k.substring(ADAM.length()), v.values());
              }
            });
    BlockParameters.load(block, params, source);
    long step =
        state.metadata().has("optimizerStep")
            ? state.metadata().get("optimizerStep").getAsLong()
            : 0;
    if (step > 0) {
      try {
        optimizer.restore(block.getParameters(), moments, step);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(source, e.getMessage(), e);
      }
    }
  }
}
