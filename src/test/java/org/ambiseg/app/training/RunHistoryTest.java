package org.ambiseg.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {

  @TempDir Path tmp;

  @Test
  void readsConfigLastStepOutcomeAndLastValidation() throws Exception {
    Path run = tmp.resolve("runs/a");
    Files.createDirectories(run.resolve("checkpoints"));
    Files.writeString(
        run.resolve("config.json"),
        "{\"training\":{\"modelType\":\"probunet\",\"preset\":\"probunet-tiny\",\"steps\":40,"
            + "\"batchSize\":2,\"learningRate\":1e-4,\"lrDecayFactor\":0.3,\"beta\":1,"
            + "\"clipNorm\":100,\"validationSamples\":16}}");
    Files.writeString(run.resolve("checkpoints/last.ckpt"), "x");
    Files.write(
        run.resolve("metrics.jsonl"),
        List.of(
            "{\"type\":\"step\",\"step\":1,\"loss\":3.0}",
            "{\"type\":\"validation\",\"step\":2,\"ged\":0.5,\"hm_iou\":0.25}",
            "{\"type\":\"end\",\"step\":3,\"outcome\":\"STOPPED\"}",
            "{\"type\":\"step\",\"step\":4,\"loss\":2.0}",
            "{\"type\":\"validation\",\"step\":4,\"ged\":0.375,\"hm_iou\":0.5}",
            "{\"type\":\"end\",\"step\":5,\"outcome\":\"STOPPED\"}",
            "{\"type\":\"step\",\"st"),
        StandardCharsets.UTF_8);
    List<RunSummary> runs = RunHistory.list(tmp.resolve("runs"));
    assertEquals(1, runs.size());
    RunSummary r = runs.get(0);
    assertEquals(5, r.lastStep());
    assertEquals(Optional.of("STOPPED"), r.outcome());
    assertEquals(0.375, r.ged().getAsDouble());
    assertEquals(true, r.resumable());
    assertEquals(Optional.empty(), r.bestModel());
    assertEquals("a \u2014 probunet-tiny, step 5/40, stopped, GED 0.375, HM-IoU 0.500", r.label());
  }

  @Test
  void aMissingFolderHasNoRuns() throws Exception {
    assertEquals(List.of(), RunHistory.list(tmp.resolve("none")));
  }
}
