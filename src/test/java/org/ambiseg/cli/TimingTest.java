package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The benchmark timer runs warm-up then timed iterations; a timed benchmark runs from the CLI. */
class TimingTest {

  @Test
  void runsWarmupPlusItersAndOrdersTheStatistics() {
    AtomicInteger calls = new AtomicInteger();
    JsonObject r = Timing.measure(2, 5, calls::incrementAndGet);
    assertEquals(7, calls.get());
    assertEquals(5, r.get("n").getAsInt());
    double min = r.get("min_ms").getAsDouble();
    double median = r.get("median_ms").getAsDouble();
    double max = r.get("max_ms").getAsDouble();
    assertTrue(min <= median && median <= max && min >= 0);
  }

  @Test
  void sliderUpdateBenchmarkReportsProductPlainAndNdarrayTimingsInTheReferenceLayout() {
    TinyModels.Run run =
        TinyModels.run(
            "bench", "--only", "slider_update_ms", "--iters", "2", "--warmup", "1", "--json");
    assertEquals(0, run.code(), run.err());
    JsonObject r = new Gson().fromJson(run.out(), JsonObject.class);
    assertTrue(r.get("slider_update_ms").getAsDouble() > 0);
    assertTrue(r.get("slider_update_plain_ms").getAsDouble() > 0);
    assertTrue(r.get("slider_update_ndarray_ms").getAsDouble() > 0);
    JsonObject stats = r.getAsJsonObject("stats").getAsJsonObject("slider_update");
    assertEquals(2, stats.get("n").getAsInt());
    assertEquals(r.get("slider_update_ms").getAsDouble(), stats.get("median_ms").getAsDouble());
    assertEquals(2, r.get("iters").getAsInt());
    assertEquals(1, r.get("warmup").getAsInt());
    assertEquals("PyTorch", r.get("engine").getAsString());
    assertTrue(r.get("threads").getAsInt() >= 1);
    assertTrue(!r.has("params") && !r.has("train_step_ms"), "only what was asked for");
  }
}
