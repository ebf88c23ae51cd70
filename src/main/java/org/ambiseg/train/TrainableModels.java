package org.ambiseg.train;

import java.util.List;
import org.ambiseg.model.Devices;
import org.ambiseg.model.HpuNetConfig;
import org.ambiseg.model.HpuNetModel;
import org.ambiseg.model.McDropoutConfig;
import org.ambiseg.model.McDropoutUNetModel;
import org.ambiseg.model.MoseConfig;
import org.ambiseg.model.MoseModel;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.ProbUNetConfig;
import org.ambiseg.model.ProbUNetModel;

/**
 * Builds the {@link TrainableModel} a training configuration names: its model type ("probunet",
 * "hpunet", "mose", "mcdropout" or "unet") and architecture preset, with fresh weights from its
 * seed.
 */
public final class TrainableModels {

  /** Model types that can be trained. */
  public static final List<String> MODEL_TYPES =
      List.of(
          "probunet",
          "hpunet",
          MoseModel.MODEL_TYPE,
          McDropoutConfig.MCDROPOUT,
          McDropoutConfig.UNET);

  private TrainableModels() {}

  /** The preset used when none is given: the reduced CPU preset of the model type. */
  public static String defaultPreset(String modelType) {
    checkType(modelType);
    return modelType + "-small";
  }

  /**
   * Checks that {@code preset} names an architecture of {@code modelType}.
   *
   * @throws IllegalArgumentException naming the known types or presets
   */
  public static void checkPreset(String modelType, String preset) {
    checkType(modelType);
    if ("probunet".equals(modelType)) {
      ProbUNetConfig.preset(preset);
      return;
    }
    if ("hpunet".equals(modelType)) {
      HpuNetConfig.preset(preset);
      return;
    }
    if (MoseModel.MODEL_TYPE.equals(modelType)) {
      MoseConfig.preset(preset);
      return;
    }
    McDropoutConfig config = McDropoutConfig.preset(preset);
    if (!config.modelType().equals(modelType)) {
      throw new IllegalArgumentException(
          "preset '" + preset + "' is a " + config.modelType() + " preset, not " + modelType);
    }
  }

  /** A new model of the configuration's type and preset, weights drawn from its seed. */
  public static TrainableModel create(TrainingConfig config, Normalization normalization) {
    return create(config, normalization, ObjectiveSettings.PUBLISHED, 0, 0);
  }

  /**
   * A new model; HPU-Nets also need the objective settings and the training image size (for their
   * per-image noise).
   */
  public static TrainableModel create(
      TrainingConfig config,
      Normalization normalization,
      ObjectiveSettings objective,
      int height,
      int width) {
    return create(config, normalization, objective, MoseSettings.DEFAULT, height, width);
  }

  /** As above, with the settings of MoSE's objective (used only by MoSE models). */
  public static TrainableModel create(
      TrainingConfig config,
      Normalization normalization,
      ObjectiveSettings objective,
      MoseSettings mose,
      int height,
      int width) {
    checkPreset(config.modelType(), config.preset());
    if (MoseModel.MODEL_TYPE.equals(config.modelType())) {
      MoseConfig arch = MoseConfig.preset(config.preset());
      return new MoseTrainable(
          MoseModel.create(arch, config.seed(), Devices.select()), config, mose, normalization);
    }
    if ("hpunet".equals(config.modelType())) {
      HpuNetConfig arch = HpuNetConfig.preset(config.preset());
      if (height % arch.sizeDivisor() != 0 || width % arch.sizeDivisor() != 0 || height == 0) {
        throw new IllegalArgumentException(
            "training images of "
                + width
                + "x"
                + height
                + " do not divide by "
                + arch.sizeDivisor()
                + " as "
                + config.preset()
                + " needs");
      }
      return new HpuNetTrainable(
          HpuNetModel.create(arch, config.seed(), Devices.select()),
          config,
          normalization,
          objective.newConstraint(),
          objective.topKFraction(),
          objective.freeBits(),
          objective.curriculum(),
          objective.klWarmup(),
          height,
          width);
    }
    if ("probunet".equals(config.modelType())) {
      ProbUNetConfig arch = ProbUNetConfig.preset(config.preset());
      return new ProbUNetTrainable(
          ProbUNetModel.create(arch, config.seed()),
          config,
          normalization,
          objective.klWarmup(),
          (float) objective.priorAnchor(),
          (float) objective.priorGed());
    }
    McDropoutConfig arch = McDropoutConfig.preset(config.preset());
    return new McDropoutTrainable(
        McDropoutUNetModel.create(arch, config.seed()), config, normalization);
  }

  private static void checkType(String modelType) {
    if (!MODEL_TYPES.contains(modelType)) {
      throw new IllegalArgumentException(
          "unknown model type '" + modelType + "' (known: " + String.join(", ", MODEL_TYPES) + ")");
    }
  }
}
