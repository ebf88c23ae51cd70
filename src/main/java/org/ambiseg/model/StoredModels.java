package org.ambiseg.model;

import ai.djl.nn.Block;
import org.ambiseg.core.BadInputException;

/** The steps every model family shares when it is built from a stored model folder. */
final class StoredModels {

  private StoredModels() {}

  /** The architecture of {@code stored}, after checking that it is of {@code type}. */
  static <C> C architecture(ModelStore.StoredModel stored, String type, Class<C> configType)
      throws BadInputException {
    ModelInfo info = stored.info();
    if (!type.equals(info.modelType())) {
      throw new BadInputException(
          info.source(), "is a " + info.modelType() + " model, not a " + type + " model");
    }
    try {
      return info.architecture(configType);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(info.source(), "invalid architecture: " + e.getMessage(), e);
    }
  }

  /**
   * Loads the stored parameters into {@code block}, closing {@code owner} (the half-built model)
   * when they do not fit, so nothing half-loaded escapes.
   */
  static void loadParameters(ModelStore.StoredModel stored, Block block, AutoCloseable owner)
      throws BadInputException {
    try {
      BlockParameters.load(
          block, stored.parameters().tensors(), stored.dir().resolve(ModelStore.PARAMS).toString());
    } catch (BadInputException | RuntimeException e) {
      try {
        owner.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }
}
