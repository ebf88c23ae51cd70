package org.ambiseg.io.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.ImageReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthDatasetWriterTest {

  @TempDir Path tmp;

  private static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), sha256(Files.readAllBytes(f)));
      }
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws Exception {
    SplitFractions split = new SplitFractions(0.6, 0.2, 0.2);
    SynthDatasetWriter.write(
        tmp.resolve("a"), new SynthSettings(10, 128, 42, split), ProgressMonitor.NONE);
    SynthDatasetWriter.write(
        tmp.resolve("b"), new SynthSettings(10, 128, 42, split), ProgressMonitor.NONE);
    SynthDatasetWriter.write(
        tmp.resolve("c"), new SynthSettings(10, 128, 43, split), ProgressMonitor.NONE);
    Map<String, String> a = hashes(tmp.resolve("a"));
    assertTrue(a.size() > 60, "only " + a.size() + " files written");
    assertEquals(a, hashes(tmp.resolve("b")));
    assertTrue(
        !a.get("train/images/synth-00000.png")
            .equals(hashes(tmp.resolve("c")).get("train/images/synth-00000.png")));
  }

  @Test
  void writesTheFolderLayoutWithSplits() throws Exception {
    int[] counts =
        SynthDatasetWriter.write(
            tmp,
            new SynthSettings(10, 128, 7, new SplitFractions(0.6, 0.2, 0.2)),
            ProgressMonitor.NONE);
    assertArrayEquals(new int[] {6, 2, 2}, counts);
    SynthCaseGenerator g = new SynthCaseGenerator(128, 7);
    int index = 0;
    for (int s = 0; s < 3; s++) {
      Path dir = tmp.resolve(SynthDatasetWriter.SPLITS.get(s));
      SynthTruth truth = SynthTruthJson.read(dir);
      assertEquals(counts[s], truth.cases().size());
      for (String id : truth.cases().keySet()) {
        SynthCase c = g.generate(index++);
        assertEquals(c.id(), id);
        assertEquals(c.image(), ImageReader.readImage(dir.resolve("images/" + id + ".png")));
        for (int r = 0; r < 4; r++) {
          assertEquals(
              c.raters().get(r),
              ImageReader.readMask(dir.resolve("masks/" + id + "/r" + r + ".png")));
        }
        assertEquals(c.truth(), truth.cases().get(id));
        assertEquals(c.parameters().rounded(), truth.parameters().get(id));
      }
    }
    assertEquals(10, index);
    assertEquals(
        List.of("synth-00008", "synth-00009"),
        List.copyOf(SynthTruthJson.read(tmp.resolve("test")).cases().keySet()));
  }

  @Test
  void splitCountsRoundValAndTest() {
    assertArrayEquals(new int[] {224, 48, 48}, SplitFractions.DEFAULT.counts(320));
    assertArrayEquals(
        new int[] {240, 40, 40}, SplitFractions.parse("0.75,0.125,0.125").counts(320));
    assertArrayEquals(new int[] {1, 0, 0}, SplitFractions.DEFAULT.counts(1));
  }
}
