package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the HPU-Net's scale curriculum, best/ is chosen only among validations after every latent
 * scale has been trained (earlier weights have fine scales the decoder never saw drawn), and final/
 * records the selection metrics of its own step.
 */
class CurriculumSelectionTest {

  @TempDir Path tmp;

  @Test
  void bestIsChosenOnlyOnceEveryScaleIsTrainedAndFinalKeepsItsValidation() throws Exception {
    Path data = tmp.resolve("data");
    TinyModels.generateData(data, 24, 5, "1,0,0");
    Path run = tmp.resolve("run");
    TinyModels.Run train =
        TinyModels.run(
            "train",
            "--model-type",
            "hpunet",
            "--preset",
            "hpunet-tiny",
            "--steps",
            "6",
            "--batch",
            "2",
            "--validate-every",
            "1",
            "--selection-cases",
            "2",
            "--scale-curriculum",
            "2",
            "--data",
            data.resolve("train").toString(),
            "--out",
            run.toString());
    assertEquals(0, train.code(), train.err());

    // hpunet-tiny has 2 scales: the finer one is first in the decoder at step index 2, i.e. after
    // 3 steps; validations at step counts 1..6
    List<JsonObject> validations =
        Files.readAllLines(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8).stream()
            .map(line -> JsonParser.parseString(line).getAsJsonObject())
            .filter(o -> "validation".equals(o.get("type").getAsString()))
            .toList();
    assertEquals(6, validations.size());
    JsonObject bestEligible =
        validations.stream()
            .filter(v -> v.get("step").getAsLong() >= 3)
            .min((a, b) -> Double.compare(a.get("ged").getAsDouble(), b.get("ged").getAsDouble()))
            .orElseThrow();

    JsonObject best = selection(run.resolve("best"));
    assertTrue(best.get("step").getAsLong() >= 3, "best/ from step " + best.get("step"));
    assertEquals(bestEligible.get("step").getAsLong(), best.get("step").getAsLong());
    assertEquals(bestEligible.get("ged").getAsDouble(), best.get("ged").getAsDouble(), 1e-12);

    JsonObject last = validations.get(5);
    JsonObject fin = selection(run.resolve("final"));
    assertEquals(6, fin.get("step").getAsLong());
    assertEquals(last.get("ged").getAsDouble(), fin.get("ged").getAsDouble(), 1e-12);
    assertEquals(last.get("hm_iou").getAsDouble(), fin.get("hm_iou").getAsDouble(), 1e-12);
  }

  private static JsonObject selection(Path modelDir) throws Exception {
    JsonObject model =
        JsonParser.parseString(Files.readString(modelDir.resolve("model.json"))).getAsJsonObject();
    return model.getAsJsonObject("training").getAsJsonObject("selection");
  }
}
