package org.ambiseg.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.ambiseg.core.BadInputException;

/**
 * An initialised {@link MoseNet} with the NDManager that owns its parameters and a parameter store:
 * the unit that the estimator, the trainer and the model store share. Closing it frees the
 * parameters. Stored with model type {@value #MODEL_TYPE}.
 */
public final class MoseModel implements AutoCloseable {

  /** The model type written to model.json. */
  public static final String MODEL_TYPE = "mose";

  private final MoseConfig config;
  private final NDManager manager;
  private final MoseNet block;
  private final ParameterStore parameterStore;

  private MoseModel(MoseConfig config, Device device) {
    this.config = config;
    this.manager = NDManager.newBaseManager(device);
    this.manager.setName(MODEL_TYPE);
    this.block = new MoseNet(config);
    int s = config.sizeDivisor();
    block.initialize(
        manager,
        DataType.FLOAT32,
        new Shape(1, config.base().inputChannels(), s, s),
        new Shape(1, config.experts(), config.latentDim()));
    this.parameterStore = new ParameterStore(manager, false);
  }

  /** A new model with PyTorch-default weights drawn from {@code seed}, on {@code device}. */
  public static MoseModel create(MoseConfig config, long seed, Device device) {
    MoseModel model = new MoseModel(config, device);
    FanInInitializer.apply(model.block, seed);
    return model;
  }

  /** Builds the model a stored folder describes and loads its parameters (all or nothing). */
  public static MoseModel load(ModelStore.StoredModel stored, Device device)
      throws BadInputException {
    MoseConfig config = StoredModels.architecture(stored, MODEL_TYPE, MoseConfig.class);
    MoseModel model = new MoseModel(config, device);
    StoredModels.loadParameters(stored, model.block, model);
    return model;
  }

  public MoseConfig config() {
    return config;
  }

  public MoseNet block() {
    return block;
  }

  public ParameterStore parameterStore() {
    return parameterStore;
  }

  public NDManager manager() {
    return manager;
  }

  /** Parameter counts per part and in total. */
  public Map<String, Long> parameterCounts() {
    return block.parameterCounts();
  }

  @Override
  public void close() {
    manager.close();
  }
}
