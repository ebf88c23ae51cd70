package org.ambiseg.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ambiseg.core.Image2D;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TrainingDomain;
import org.junit.jupiter.api.Test;

/** Which shipped model an opened image goes to. */
class ModelPreferenceTest {

  private static ModelEntry entry(String name, String type, float mean) {
    TrainingDomain domain = new TrainingDomain(8, 8, 1, mean, 0.05f, "test");
    ModelInfo info =
        ModelInfo.create(
            name, type, new JsonObject(), Normalization.IDENTITY, domain, new JsonObject());
    return new ModelEntry(Path.of("models", name), name, type, info);
  }

  private static Image2D grey(float value) {
    float[] px = new float[64];
    Arrays.fill(px, value);
    return Image2D.grey(8, 8, px);
  }

  @Test
  void aCaseGoesToTheClosestDomainAndThereToTheModelOfDisagreement() {
    ModelEntry shapes = entry("probunet-shapes", "probunet", 0.2f);
    ModelEntry unet = entry("unet-lidc", "unet", 0.6f);
    ModelEntry probunet = entry("probunet-lidc", "probunet", 0.6f);
    List<ModelEntry> models = List.of(shapes, unet, probunet);

    // an LIDC-like image while the shapes model is open: the LIDC Prob U-Net, not the U-Net
    // listed before it with the same training domain
    assertEquals(probunet, ModelPreference.better(grey(0.6f), shapes, models).orElseThrow());
    // the user's choice of the U-Net stands: it fits as well as any
    assertTrue(ModelPreference.better(grey(0.6f), unet, models).isEmpty());
    // a shapes-like image stays with the shapes model
    assertTrue(ModelPreference.better(grey(0.2f), shapes, models).isEmpty());
  }

  private static ModelEntry evaluated(String name, String type, double valGed) {
    TrainingDomain domain = new TrainingDomain(8, 8, 1, 0.6f, 0.05f, "test");
    JsonObject val = new JsonObject();
    val.addProperty("ged", valGed);
    JsonObject evals = new JsonObject();
    evals.add("val", val);
    JsonObject training = new JsonObject();
    training.add("eval", evals);
    ModelInfo info =
        ModelInfo.create(name, type, new JsonObject(), Normalization.IDENTITY, domain, training);
    return new ModelEntry(Path.of("models", name), name, type, info);
  }

  @Test
  void amongModelsOfTheSameDataTheLowerRecordedValidationGedWins() {
    ModelEntry shapes = entry("probunet-shapes", "probunet", 0.2f);
    ModelEntry hpunet = evaluated("hpunet-lidc", "hpunet", 0.55);
    ModelEntry mose = entry("mose-lidc", "mose", 0.6f); // no recorded GED: after the others
    ModelEntry probunet = evaluated("probunet-lidc", "probunet", 0.41);
    ModelEntry unet = evaluated("unet-lidc", "unet", 0.30); // deterministic: last however low
    List<ModelEntry> models = List.of(shapes, hpunet, mose, probunet, unet);
    assertEquals(probunet, ModelPreference.better(grey(0.6f), shapes, models).orElseThrow());
    assertEquals(
        hpunet,
        ModelPreference.better(grey(0.6f), shapes, List.of(shapes, mose, hpunet)).orElseThrow());
  }
}
