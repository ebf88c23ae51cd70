package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

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
}
