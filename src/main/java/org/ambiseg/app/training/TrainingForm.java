package org.ambiseg.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ambiseg.train.ObjectiveSettings;
import org.ambiseg.train.TrainableModels;
import org.ambiseg.train.TrainingConfig;

/**
 * The dashboard's training form as plain values: the presets and defaults of each model type and
 * the check of what the user typed, turning it into the same {@link TrainingConfig} and {@link
 * ObjectiveSettings} that {@code ambiseg train} builds from its options (same schedule, seed,
 * validation and checkpoint intervals) or into one clear message per bad value.
 */
final class TrainingForm {

  /** Largest step count accepted. */
  static final int MAX_STEPS = 10_000_000;

  /** Largest batch accepted. */
  static final int MAX_BATCH = 256;

  /** Seed of new runs, as the CLI's default. */
  static final long SEED = 1;

  private TrainingForm() {}

  /** What the user typed or chose. */
  record Values(
      String modelType,
      String preset,
      String steps,
      String batch,
      String learningRate,
      String beta,
      String kappa,
      boolean augment) {}

  /** The outcome of a check: a config and objective, or the problems (one line each). */
  record Checked(List<String> problems, TrainingConfig config, ObjectiveSettings objective) {

    /** True when nothing is wrong. */
    boolean ok() {
      return problems.isEmpty();
    }
  }

  /** The architecture presets of {@code modelType}, smallest first. */
  static List<String> presets(String modelType) {
    return switch (modelType) {
      case "probunet" -> List.of("probunet-tiny", "probunet-small", "probunet-128");
      case "hpunet" -> List.of("hpunet-tiny", "hpunet-small", "hpunet-lidc");
      case "mcdropout" -> List.of("mcdropout-tiny", "mcdropout-small", "mcdropout-128");
      case "unet" -> List.of("unet-tiny", "unet-small", "unet-128");
      default -> throw new IllegalArgumentException("unknown model type " + modelType);
    };
  }

  /**
   * The defaults for {@code modelType}, those of {@code ambiseg train}: its small preset, 6000
   * steps, batch 8, learning rate 1e-4, beta 1 (Prob U-Net ELBO), GECO kappa 0.05 (HPU-Net),
   * augmentation on.
   */
  static Values defaults(String modelType) {
    return new Values(
        modelType,
        TrainableModels.defaultPreset(modelType),
        "6000",
        "8",
        "1e-4",
        "1",
        "0.05",
        true);
  }

  /** True when the model type's objective has a KL weight beta (the Prob U-Net's ELBO). */
  static boolean usesBeta(String modelType) {
    return "probunet".equals(modelType);
  }

  /** True when the model type is trained with GECO and its threshold kappa (the HPU-Net). */
  static boolean usesKappa(String modelType) {
    return "hpunet".equals(modelType);
  }

  /**
   * Checks {@code v} for a new run on {@code data} into {@code runDir} (either may be null when not
   * chosen yet).
   */
  static Checked check(Values v, Path data, Path runDir) {
    List<String> problems = new ArrayList<>();
    if (data == null) {
      problems.add("Choose a dataset.");
    } else if (!Files.exists(data)) {
      problems.add("Dataset " + data + " does not exist.");
    }
    if (runDir != null && Files.exists(runDir.resolve("checkpoints"))) {
      problems.add("Run folder " + runDir + " already holds a run: resume it from the history.");
    }
    if (!TrainableModels.MODEL_TYPES.contains(v.modelType())) {
      problems.add("Unknown model type '" + v.modelType() + "'.");
      return new Checked(List.copyOf(problems), null, null);
    }
    if (!presets(v.modelType()).contains(v.preset())) {
      problems.add("Preset '" + v.preset() + "' is not a " + v.modelType() + " preset.");
    }
    Integer steps = wholeNumber("Steps", v.steps(), 1, MAX_STEPS, problems);
    Integer batch = wholeNumber("Batch", v.batch(), 1, MAX_BATCH, problems);
    Float lr = decimal("Learning rate", v.learningRate(), problems);
    if (lr != null && !(lr > 0 && lr <= 1)) {
      problems.add("Learning rate must be in (0, 1], got " + v.learningRate().trim() + ".");
    }
    float beta = 1f;
    if (usesBeta(v.modelType())) {
      Float b = decimal("Beta", v.beta(), problems);
      if (b != null && !(b >= 0)) {
        problems.add("Beta must be >= 0, got " + v.beta().trim() + ".");
      }
      beta = b == null ? beta : b;
    }
    float kappa = ObjectiveSettings.PUBLISHED.kappa();
    if (usesKappa(v.modelType())) {
      Float k = decimal("GECO kappa", v.kappa(), problems);
      if (k != null && !(k > 0)) {
        problems.add("GECO kappa must be > 0, got " + v.kappa().trim() + ".");
      }
      kappa = k == null ? kappa : k;
    }
    if (!problems.isEmpty()) {
      return new Checked(List.copyOf(problems), null, null);
    }
    TrainingConfig d = TrainingConfig.probUNetDefaults(v.preset(), steps, batch, SEED);
    TrainingConfig config =
        new TrainingConfig(
            v.modelType(),
            v.preset(),
            steps,
            batch,
            lr,
            d.lrDecaySteps(),
            d.lrDecayFactor(),
            beta,
            d.weightDecay(),
            d.clipNorm(),
            SEED,
            v.augment(),
            d.maxShift(),
            d.validateEvery(),
            d.checkpointEvery(),
            d.selectionFraction(),
            d.selectionCases(),
            d.validationSamples());
    ObjectiveSettings p = ObjectiveSettings.PUBLISHED;
    ObjectiveSettings objective =
        new ObjectiveSettings(true, kappa, p.decay(), p.rate(), p.topKFraction());
    return new Checked(List.of(), config, objective);
  }

  private static Integer wholeNumber(
      String name, String text, int min, int max, List<String> problems) {
    String t = text == null ? "" : text.trim().replace("_", "");
    try {
      int n = Integer.parseInt(t);
      if (n < min || n > max) {
        problems.add(name + " must be between " + min + " and " + max + ", got " + n + ".");
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number, got '" + t + "'.");
      return null;
    }
  }

  private static Float decimal(String name, String text, List<String> problems) {
    String t = text == null ? "" : text.trim();
    try {
      float f = Float.parseFloat(t.toLowerCase(Locale.ROOT));
      if (!Float.isFinite(f) || t.endsWith("f") || t.endsWith("d")) {
        throw new NumberFormatException(t);
      }
      return f;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a number such as 1e-4 or 0.05, got '" + t + "'.");
      return null;
    }
  }
}
