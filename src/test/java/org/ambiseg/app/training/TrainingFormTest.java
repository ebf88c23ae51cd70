package org.ambiseg.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingFormTest {

  @TempDir Path tmp;

  @Test
  void defaultsBuildTheCliConfig() {
    TrainingForm.Checked c =
        TrainingForm.check(TrainingForm.defaults("probunet"), tmp, tmp.resolve("run"));
    assertTrue(c.ok(), c.problems().toString());
    TrainingConfig cli = TrainingConfig.probUNetDefaults("probunet-small", 6000, 8, 1);
    TrainingConfig app = c.config();
    assertEquals("probunet-small", app.preset());
    assertEquals(6000, app.steps());
    assertEquals(8, app.batchSize());
    assertEquals(1e-4f, app.learningRate());
    assertEquals(1f, app.beta());
    assertEquals(cli.validateEvery(), app.validateEvery());
    assertEquals(cli.checkpointEvery(), app.checkpointEvery());
    assertEquals(cli.selectionFraction(), app.selectionFraction());
    assertEquals(0.05f, c.objective().kappa());
    assertEquals("hpunet-small", TrainingForm.defaults("hpunet").preset());
    assertTrue(TrainingForm.usesKappa("hpunet") && !TrainingForm.usesBeta("hpunet"));
  }

  @Test
  void badValuesGetOneClearMessageEach() throws Exception {
    Files.createDirectories(tmp.resolve("old/checkpoints"));
    TrainingForm.Values v =
        new TrainingForm.Values("hpunet", "probunet-tiny", "0", "x", "2", "-1", "0", true);
    TrainingForm.Checked c = TrainingForm.check(v, tmp.resolve("missing"), tmp.resolve("old"));
    assertEquals(
        List.of(
            "Dataset " + tmp.resolve("missing") + " does not exist.",
            "Run folder "
                + tmp.resolve("old")
                + " already holds a run: resume it from the history.",
            "Preset 'probunet-tiny' is not a hpunet preset.",
            "Steps must be between 1 and 10000000, got 0.",
            "Batch must be a whole number, got 'x'.",
            "Learning rate must be in (0, 1], got 2.",
            "GECO kappa must be > 0, got 0."),
        c.problems());
    assertEquals(null, c.config());
  }
}
