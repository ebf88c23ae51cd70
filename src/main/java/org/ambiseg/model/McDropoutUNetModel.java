package org.ambiseg.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.ambiseg.core.BadInputException;

/**
 * An initialised {@link McDropoutUNet} with the NDManager that owns its parameters, its device and
 * a parameter store: what the MC-dropout and U-Net estimators, trainers and the model store share.
 * Closing it frees the parameters.
 */
public final class McDropoutUNetModel implements AutoCloseable {

  private final McDropoutConfig config;
  private final NDManager manager;
  private final McDropoutUNet block;
  private final ParameterStore parameterStore;

  private McDropoutUNetModel(McDropoutConfig config, Device device) {
    this.config = config;
    this.manager = NDManager.newBaseManager(device);
    this.manager.setName(config.modelType());
    this.block = new McDropoutUNet(config);
    int s = config.sizeDivisor();
    block.initialize(manager, DataType.FLOAT32, new Shape(1, config.inputChannels(), s, s));
    this.parameterStore = new ParameterStore(manager, false);
  }

  /** A new model with PyTorch-default weights drawn from {@code seed}, on the chosen device. */
  public static McDropoutUNetModel create(McDropoutConfig config, long seed) {
    return create(config, seed, Devices.select());
  }

  /** A new model with PyTorch-default weights drawn from {@code seed}, on {@code device}. */
  public static McDropoutUNetModel create(McDropoutConfig config, long seed, Device device) {
    McDropoutUNetModel model = new McDropoutUNetModel(config, device);
    FanInInitializer.apply(model.block, seed);
    return model;
  }

  /**
   * Builds the model a stored folder describes and loads its parameters. Refuses a folder whose
   * type is not "mcdropout" or "unet", whose type does not match its dropout rate, or whose
   * parameters do not fit the architecture (all checked before any parameter is set).
   */
  public static McDropoutUNetModel load(ModelStore.StoredModel stored, Device device)
      throws BadInputException {
    ModelInfo info = stored.info();
    String type = info.modelType();
    if (!McDropoutConfig.MCDROPOUT.equals(type) && !McDropoutConfig.UNET.equals(type)) {
      throw new BadInputException(
          info.source(), "is a " + type + " model, not an mcdropout or unet model");
    }
    McDropoutConfig config = info.architecture(McDropoutConfig.class);
    if (!config.modelType().equals(type)) {
      throw new BadInputException(
          info.source(),
          "model type " + type + " does not match its architecture's dropout " + config.dropout());
    }
    McDropoutUNetModel model = new McDropoutUNetModel(config, device);
    StoredModels.loadParameters(stored, model.block, model);
    return model;
  }

  public McDropoutConfig config() {
    return config;
  }

  /** The block, for forward passes with {@link #parameterStore()}. */
  public McDropoutUNet block() {
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

  @Override
  public void close() {
    manager.close();
  }
}
