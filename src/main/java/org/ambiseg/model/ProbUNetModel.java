package org.ambiseg.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.ambiseg.core.BadInputException;

/**
 * An initialised {@link ProbUNet} with the NDManager that owns its parameters, its device and a
 * parameter store: the unit that estimators, trainers and the model store share. Closing it frees
 * the parameters.
 */
public final class ProbUNetModel implements AutoCloseable {

  private final ProbUNetConfig config;
  private final NDManager manager;
  private final ProbUNet block;
  private final ParameterStore parameterStore;

  private ProbUNetModel(ProbUNetConfig config, Device device) {
    this.config = config;
    this.manager = NDManager.newBaseManager(device);
    this.manager.setName("probunet");
    this.block = new ProbUNet(config);
    int s = config.sizeDivisor();
    block.initialize(
        manager,
        DataType.FLOAT32,
        new Shape(1, config.inputChannels(), s, s),
        new Shape(1, config.numClasses(), s, s),
        new Shape(1, config.latentDim()));
    this.parameterStore = new ParameterStore(manager, false);
  }

  /** A new model with PyTorch-default weights drawn from {@code seed}, on the chosen device. */
  public static ProbUNetModel create(ProbUNetConfig config, long seed) {
    return create(config, seed, Devices.select());
  }

  /** A new model with PyTorch-default weights drawn from {@code seed}, on {@code device}. */
  public static ProbUNetModel create(ProbUNetConfig config, long seed, Device device) {
    ProbUNetModel model = new ProbUNetModel(config, device);
    FanInInitializer.apply(model.block, seed);
    return model;
  }

  /**
   * Builds the model a stored folder describes and loads its parameters; refuses a folder of
   * another model type or whose parameters do not fit the architecture, building nothing then.
   */
  public static ProbUNetModel load(ModelStore.StoredModel stored, Device device)
      throws BadInputException {
    ProbUNetConfig config = StoredModels.architecture(stored, "probunet", ProbUNetConfig.class);
    ProbUNetModel model = new ProbUNetModel(config, device);
    StoredModels.loadParameters(stored, model.block, model);
    return model;
  }

  public ProbUNetConfig config() {
    return config;
  }

  /** The block, for forward passes with {@link #parameterStore()}. */
  public ProbUNet block() {
    return block;
  }

  public ParameterStore parameterStore() {
    return parameterStore;
  }

  /** The manager owning the parameters; work should happen in sub-managers of it. */
  public NDManager manager() {
    return manager;
  }

  public Device device() {
    return manager.getDevice();
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
