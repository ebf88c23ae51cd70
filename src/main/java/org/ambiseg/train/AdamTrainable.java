package org.ambiseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.ambiseg.core.BadInputException;
import org.ambiseg.model.BlockParameters;
import org.ambiseg.model.TensorBundle;

/**
 * What every model family trained with Adam shares as a {@link TrainableModel}: the optimizer, the
 * checkpoint state (parameters, moments and any extra state of the family), the parameter export,
 * the architecture JSON and closing. Families add their step, noise and sampling.
 */
abstract class AdamTrainable implements TrainableModel {

  private static final Gson GSON = new Gson();

  private final Block block;
  private final Object architecture;
  private final Runnable closeModel;

  /** The optimizer of the block's parameters. */
  protected final AdamOptimizer optimizer;

  /**
   * Trains {@code block} (owned by {@code manager}, described by {@code architecture}); {@code
   * closeModel} frees the model when this is closed.
   */
  protected AdamTrainable(
      Block block, NDManager manager, Object architecture, Runnable closeModel, float weightDecay) {
    this.block = block;
    this.architecture = architecture;
    this.closeModel = closeModel;
    this.optimizer = AdamOptimizer.withDefaults(manager, weightDecay);
  }

  /** Family state saved with the checkpoint beside parameters and moments (none by default). */
  protected JsonObject extraState() {
    return new JsonObject();
  }

  /** Restores what {@link #extraState} wrote, from the checkpoint's metadata. */
  protected void restoreExtraState(JsonObject metadata) {}

  @Override
  public final TensorBundle exportState() {
    return TrainingState.export(block, optimizer, extraState());
  }

  @Override
  public final void restoreState(TensorBundle state, String source) throws BadInputException {
    TrainingState.restore(block, optimizer, state, source);
    restoreExtraState(state.metadata());
  }

  @Override
  public final TensorBundle exportParameters() {
    return new TensorBundle(BlockParameters.export(block), new JsonObject());
  }

  @Override
  public final JsonObject architecture() {
    return GSON.toJsonTree(architecture).getAsJsonObject();
  }

  @Override
  public final void close() {
    optimizer.close();
    closeModel.run();
  }
}
