package org.ambiseg.io.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Interpretation;
import org.ambiseg.core.LabelMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthTruthJsonTest {

  @TempDir Path dir;

  private static LabelMask square(int from, int to) {
    boolean[] fg = new boolean[100];
    for (int y = from; y < to; y++) {
      for (int x = from; x < to; x++) {
        fg[y * 10 + x] = true;
      }
    }
    return LabelMask.binary(10, 10, fg);
  }

  @Test
  void roundTripKeepsNamesProbabilitiesMasksAndParameters() throws Exception {
    Map<String, List<Interpretation>> cases = new LinkedHashMap<>();
    cases.put(
        "a",
        List.of(
            new Interpretation("core", 0.6, square(3, 6)),
            new Interpretation("core+lobe", 0.25, square(2, 8)),
            new Interpretation("nothing", 0.15, LabelMask.empty(10, 10))));
    cases.put("b", List.of(new Interpretation("core", 1.0, square(1, 4))));
    LesionParameters p = new LesionParameters(0.2, 0.1, 0.19, 0.09, 6.5, 4.0, true, 0.01, false);
    SynthSettings info = new SynthSettings(2, 32, 5, new SplitFractions(1, 0, 0));
    SynthTruthJson.write(dir, new SynthTruth(cases, Map.of("a", p), Optional.of(info)));

    String json = Files.readString(dir.resolve("truth.json"), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"format\": \"ambiseg-truth\""), json);
    assertTrue(json.contains("\"mask\": \"truth/a/core+lobe.png\""), json);
    assertTrue(Files.exists(dir.resolve("truth/a/nothing.png")));

    SynthTruth back = SynthTruthJson.read(dir);
    assertEquals(List.of("a", "b"), List.copyOf(back.cases().keySet()));
    assertEquals(cases.get("a"), back.cases().get("a"));
    assertEquals(cases.get("b"), back.cases().get("b"));
    assertEquals(p, back.parameters().get("a"));
    assertEquals(Optional.of(info), back.generator());
  }

  @Test
  void rejectsWrongFormatWithTheFileName() throws Exception {
    Files.writeString(dir.resolve("truth.json"), "{\"format\": \"other\", \"version\": 1}");
    BadInputException e = assertThrows(BadInputException.class, () -> SynthTruthJson.read(dir));
    assertTrue(e.getMessage().contains("truth.json"), e.getMessage());
    assertTrue(e.getMessage().contains("format"), e.getMessage());
  }

  @Test
  void rejectsProbabilitiesThatDoNotSumToOne() throws Exception {
    SynthTruthJson.write(
        dir,
        new SynthTruth(
            Map.of("a", List.of(new Interpretation("core", 1.0, square(3, 6)))),
            Map.of(),
            Optional.empty()));
    String json = Files.readString(dir.resolve("truth.json")).replace("1.0", "0.7");
    Files.writeString(dir.resolve("truth.json"), json);
    BadInputException e = assertThrows(BadInputException.class, () -> SynthTruthJson.read(dir));
    assertTrue(e.getMessage().contains("sum to 0.7"), e.getMessage());
  }

  @Test
  void rejectsMaskPathsOutsideTheDataset() throws Exception {
    Files.writeString(
        dir.resolve("truth.json"),
        "{\"format\": \"ambiseg-truth\", \"version\": 1, \"cases\": {\"a\": "
            + "[{\"name\": \"core\", \"probability\": 1.0, \"mask\": \"../x.png\"}]}}");
    BadInputException e = assertThrows(BadInputException.class, () -> SynthTruthJson.read(dir));
    assertTrue(e.getMessage().contains("outside the dataset folder"), e.getMessage());
  }

  @Test
  void rejectsInvalidJson() throws Exception {
    Files.writeString(dir.resolve("truth.json"), "{not json");
    BadInputException e = assertThrows(BadInputException.class, () -> SynthTruthJson.read(dir));
    assertTrue(e.getMessage().contains("invalid JSON"), e.getMessage());
  }
}
