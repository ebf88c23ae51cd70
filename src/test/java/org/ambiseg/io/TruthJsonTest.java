package org.ambiseg.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthJsonTest {

  @TempDir Path dir;

  private static LabelMask diagonal(int n) {
    boolean[] fg = new boolean[n * n];
    for (int i = 0; i < n; i++) {
      fg[i * n + i] = true;
    }
    return LabelMask.binary(n, n, fg);
  }

  @Test
  void writeThenReadRoundTripsNamesProbabilitiesAndMasks() throws Exception {
    Map<String, List<Interpretation>> truth =
        Map.of(
            "case-10", List.of(new Interpretation("only", 1.0, diagonal(5))),
            "case-2",
                List.of(
                    new Interpretation("core", 0.6, diagonal(5)),
                    new Interpretation("nothing", 0.4, LabelMask.empty(5, 5))));
    TruthJson.write(dir, truth);
    assertTrue(Files.isRegularFile(dir.resolve("truth/case-2/core.png")));
    String json = Files.readString(dir.resolve("truth.json"), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"mask\": \"truth/case-2/nothing.png\""), json);
    assertTrue(json.indexOf("case-2") < json.indexOf("case-10"), "natural id order");

    Map<String, List<Interpretation>> back = TruthJson.read(dir);
    assertEquals(List.of("case-2", "case-10"), List.copyOf(back.keySet()));
    assertEquals(truth.get("case-2"), back.get("case-2"));
    assertEquals(truth.get("case-10"), back.get("case-10"));
    assertEquals(5, back.get("case-2").get(0).mask().foregroundCount());
  }

  @Test
  void writeRefusesUnsafeNamesAndProbabilitiesAboveOne() {
    List<Interpretation> two =
        List.of(
            new Interpretation("a", 0.7, diagonal(3)), new Interpretation("b", 0.7, diagonal(3)));
    IllegalArgumentException sum =
        assertThrows(IllegalArgumentException.class, () -> TruthJson.write(dir, Map.of("c", two)));
    assertTrue(sum.getMessage().contains("sum to 1.4"), sum.getMessage());
    List<Interpretation> one = List.of(new Interpretation("../x", 1.0, diagonal(3)));
    assertThrows(IllegalArgumentException.class, () -> TruthJson.write(dir, Map.of("c", one)));
  }

  @Test
  void readRefusesMaskPathsLeavingTheFolder() throws Exception {
    Files.writeString(
        dir.resolve("truth.json"),
        "{\"format\":\"ambiseg-truth\",\"version\":1,\"cases\":{\"c\":"
            + "[{\"name\":\"x\",\"probability\":0.5,\"mask\":\"../evil.png\"}]}}");
    BadInputException e = assertThrows(BadInputException.class, () -> TruthJson.read(dir));
    assertEquals(
        dir.resolve("truth.json") + " case c: mask path ../evil.png leaves the dataset folder",
        e.getMessage());
  }

  @Test
  void readNamesTheFileForBadJsonAndBadProbabilities() throws Exception {
    Files.writeString(dir.resolve("truth.json"), "{not json");
    BadInputException bad = assertThrows(BadInputException.class, () -> TruthJson.read(dir));
    assertEquals(dir.resolve("truth.json").toString(), bad.source());
    assertTrue(bad.problem().startsWith("not valid JSON"), bad.problem());

    Files.writeString(
        dir.resolve("truth.json"),
        "{\"format\":\"ambiseg-truth\",\"version\":1,\"cases\":{\"c\":"
            + "[{\"name\":\"x\",\"probability\":1.5,\"mask\":\"m.png\"}]}}");
    BadInputException prob = assertThrows(BadInputException.class, () -> TruthJson.read(dir));
    assertEquals(
        dir.resolve("truth.json") + " case c: interpretation x has probability 1.5 outside [0, 1]",
        prob.getMessage());
  }
}
