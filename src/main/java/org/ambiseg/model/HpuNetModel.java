package org.ambiseg.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.ambiseg.core.BadInputException;

/**
 * An initialised {@link HpuNet} with the NDManager owning its parameters, its device and a
 * parameter store. Closing it frees the parameters.
 */
public final class HpuNetModel implements AutoCloseable {

  private final HpuNetConfig config;
  private final NDManager manager;
  private final HpuNet block;
  private final ParameterStore parameterStore;

  private HpuNetModel(HpuNetConfig config, Device device) {
    this.config = config;
    this.manager = NDManager.newBaseManager(device);
    this.manager.setName("hpunet");
    this.block = new HpuNet(config);
    int s = config.sizeDivisor();
    Shape[] shapes = new Shape[2 + config.scales()];
    shapes[0] = new Shape(1, config.inputChannels(), s, s);
    shapes[1] = new Shape(1, config.numClasses(), s, s);
    for (int k = 0; k < config.scales(); k++) {
      shapes[2 + k] = block.latentShape(k, 1, s, s);
    }
    block.initialize(manager, DataType.FLOAT32, shapes);
    this.parameterStore = new ParameterStore(manager, false);
  }

  /** A new model with PyTorch-default weights drawn from {@code seed}, on {@code device}. */
  public static HpuNetModel create(HpuNetConfig config, long seed, Device device) {
    HpuNetModel model = new HpuNetModel(config, device);
    FanInInitializer.apply(model.block, seed);
    return model;
  }

  /** Builds the model a stored folder describes and loads its parameters (all or nothing). */
  public static HpuNetModel load(ModelStore.StoredModel stored, Device device)
      throws BadInputException {
    HpuNetConfig config = StoredModels.architecture(stored, "hpunet", HpuNetConfig.class);
    HpuNetModel model = new HpuNetModel(config, device);
    StoredModels.loadParameters(stored, model.block, model);
    return model;
  }

  public HpuNetConfig config() {
    return config;
  }

  public HpuNet block() {
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
