package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.Device;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.ambiseg.model.HpuNetConfig;
import org.ambiseg.model.HpuNetModel;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.Normalization;
import org.ambiseg.model.TrainingDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * best/ keeps the lowest selection GED, but only among validations from the model's first
 * selectable step on (with the scale curriculum: once every latent scale has been trained), and a
 * resumed saver only replaces it with a better model.
 */
class BestModelSaverTest {

  @TempDir Path tmp;

  @Test
  void validationsBeforeEveryScaleIsTrainedAreNeverKept() throws Exception {
    TrainingConfig config =
        new TrainingConfig(
            "hpunet",
            "hpunet-tiny",
            6,
            2,
            1e-3f,
            new double[0],
            1f,
            1f,
            1e-5f,
            100,
            1,
            false,
            0,
            0,
            1,
            0.0,
            0,
            4);
    Path best = tmp.resolve("best");
    // hpunet-tiny has 2 scales; unlocking every 2 steps makes step count 3 the first complete one
    try (HpuNetTrainable model =
        new HpuNetTrainable(
            HpuNetModel.create(HpuNetConfig.HPUNET_TINY, 1, Device.cpu()),
            config,
            Normalization.IDENTITY,
            null,
            1.0,
            0,
            new ScaleCurriculum(2),
            KlWarmup.OFF,
            16,
            16)) {
      assertEquals(3, model.firstSelectableStep());
      Function<JsonObject, ModelInfo> describe = selection -> describe(model, selection);
      BestModelSaver saver = new BestModelSaver(model, best, describe);
      saver.onValidation(1, Map.of("ged", 0.10));
      saver.onValidation(2, Map.of("ged", 0.05));
      assertFalse(Files.exists(best), "validations before step 3 must not be kept");
      saver.onValidation(3, Map.of("ged", 0.50));
      saver.onValidation(4, Map.of("ged", 0.40));
      saver.onValidation(5, Map.of("ged", 0.45));
      assertEquals(4, keptStep(best));
      assertEquals(0.40, saver.best(), 1e-12);

      BestModelSaver resumed = new BestModelSaver(model, best, describe);
      resumed.onValidation(6, Map.of("ged", 0.42));
      assertEquals(4, keptStep(best));
      resumed.onValidation(6, Map.of("ged", 0.30));
      assertEquals(6, keptStep(best));
    }
  }

  private static long keptStep(Path dir) throws Exception {
    return ModelStore.readInfo(dir).training().getAsJsonObject("selection").get("step").getAsLong();
  }

  private static ModelInfo describe(TrainableModel model, JsonObject selection) {
    JsonObject training = new JsonObject();
    training.add("selection", selection);
    return ModelInfo.create(
        "t",
        model.modelType(),
        model.architecture(),
        Normalization.IDENTITY,
        new TrainingDomain(16, 16, 1, 0f, 1f, "test"),
        training);
  }
}
