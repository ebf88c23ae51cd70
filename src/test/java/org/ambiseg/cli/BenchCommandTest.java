package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

  @Test
  void paramsMatchTheReferenceCountsOfProbUNet128() {
    TinyModels.Run r = TinyModels.run("bench", "--only", "params", "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject all = JsonParser.parseString(r.out()).getAsJsonObject();
    String device = all.get("device").getAsString();
    assertTrue(device.matches("cpu|gpu:\\d+"), device);
    JsonObject p = all.getAsJsonObject("params");
    assertEquals(1_367_820, p.get("prior").getAsLong());
    assertEquals(1_368_396, p.get("posterior").getAsLong());
    assertEquals(2_260_128, p.get("unet").getAsLong());
    assertEquals(3_426, p.get("fcomb").getAsLong());
    assertEquals(4_999_770, p.get("total").getAsLong());
    assertEquals(2_260_194, p.get("mcdropout_total").getAsLong());
    assertTrue(!JsonParser.parseString(r.out()).getAsJsonObject().has("stats"), "no timings");
  }

  @Test
  void anUnknownBenchmarkIsNotImplementedYet() {
    TinyModels.Run r = TinyModels.run("bench", "--only", "sampling", "--json");
    assertEquals(2, r.code());
    assertEquals("error: not implemented yet: sampling", r.err().strip());
    assertEquals("", r.out());
  }

  @Test
  void profileWritesLibtorchsOperatorTraceOfTheRun(@TempDir Path dir) throws Exception {
    Path trace = dir.resolve("trace.json");
    TinyModels.Run r =
        TinyModels.run(
            "bench",
            "--only",
            "slider_update",
            "--iters",
            "2",
            "--warmup",
            "1",
            "--profile",
            trace.toString(),
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(trace.toString(), report.get("profile").getAsString());
    assertTrue(report.has("malloc_tuned"), "the report says how malloc was set up");
    JsonElement parsed = JsonParser.parseString(Files.readString(trace));
    JsonArray events =
        parsed.isJsonObject()
            ? parsed.getAsJsonObject().getAsJsonArray("traceEvents")
            : parsed.getAsJsonArray();
    long convolutions = 0;
    for (JsonElement e : events) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("name") && o.get("name").getAsString().equals("aten::conv2d")) {
        convolutions++;
        assertTrue(o.get("dur").getAsDouble() >= 0, "each operator has a duration");
      }
    }
    // the plain and the factorised Fcomb heads run 1x1 convolutions on every iteration
    assertTrue(convolutions >= 3, "the trace holds the heads' convolutions: " + convolutions);
  }
}
