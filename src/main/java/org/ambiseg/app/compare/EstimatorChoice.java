package org.ambiseg.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ambiseg.app.session.ModelEntry;
import org.ambiseg.estimate.Estimators;

/**
 * One estimator the compare view can show: a model and the estimator kind to open it as ("default"
 * for the model type's own estimator, "tta" for test-time augmentation around it).
 *
 * @param model the model folder and its model.json
 * @param kind one of {@link Estimators#KINDS}
 */
public record EstimatorChoice(ModelEntry model, String kind) {

  /** The kind that opens the model type's own estimator. */
  public static final String DEFAULT = "default";

  /** The kind that wraps a deterministic network in test-time augmentation. */
  public static final String TTA = "tta";

  /** Model types TTA can wrap: the networks whose prediction is deterministic with dropout off. */
  private static final List<String> TTA_TYPES = List.of("unet", "mcdropout");

  /** Checks the model and that the kind is known and fits the model type. */
  public EstimatorChoice {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(kind, "kind");
    if (!Estimators.KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "unknown estimator kind '" + kind + "' (known: " + Estimators.KINDS + ")");
    }
    if (kind.equals(TTA) && !ttaPossible(model)) {
      throw new IllegalArgumentException(
          "tta needs a deterministic unet or mcdropout model, not " + model.type());
    }
  }

  /** The model's own estimator. */
  public static EstimatorChoice defaultOf(ModelEntry model) {
    return new EstimatorChoice(model, DEFAULT);
  }

  /**
   * True when {@code model} can be opened as TTA: its network is deterministic with dropout off
   * (model type "unet" or "mcdropout", as {@link Estimators#open(java.nio.file.Path, String)}
   * requires).
   */
  public static boolean ttaPossible(ModelEntry model) {
    return TTA_TYPES.contains(model.type());
  }

  /** Every choice for {@code models}: each model's default, then its TTA when possible. */
  public static List<EstimatorChoice> offered(List<ModelEntry> models) {
    List<EstimatorChoice> out = new ArrayList<>();
    for (ModelEntry m : models) {
      out.add(defaultOf(m));
      if (ttaPossible(m)) {
        out.add(new EstimatorChoice(m, TTA));
      }
    }
    return List.copyOf(out);
  }

  /** The estimator in words, e.g. "default" or "test-time augmentation". */
  public String kindLabel() {
    return kind.equals(TTA) ? "test-time augmentation" : "default";
  }

  /** What the choice box shows, e.g. "probunet-shapes (probunet) · default". */
  @Override
  public String toString() {
    return model.name() + " (" + model.type() + ") \u00b7 " + kind;
  }
}
