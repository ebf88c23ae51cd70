package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ambiseg.model.TensorBundle;
import org.ambiseg.model.TensorFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a process that rewrites a checkpoint-sized tensor file in a loop, at random
 * moments, and checks that the file on disk always reads back whole and valid.
 */
class CheckpointKillTest {

  /** Child process: rewrites {@code args[0]} forever with a bundle whose metadata counts up. */
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    float[] values = new float[3_000_000];
    for (long version = 1; ; version++) {
      java.util.Arrays.fill(values, version);
      Map<String, TensorBundle.Tensor> t = new LinkedHashMap<>();
      t.put("w", new TensorBundle.Tensor(new long[] {values.length}, values));
      JsonObject meta = new JsonObject();
      meta.addProperty("version", version);
      TensorFile.write(file, new TensorBundle(t, meta));
      System.out.println(version);
    }
  }

  @Test
  void killedWritesNeverLeaveAnUnreadableFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("last.ckpt");
    SplittableRandom random = new SplittableRandom(7);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int kills = 5;
    for (int k = 0; k < kills; k++) {
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  CheckpointKillTest.class.getName(),
                  file.toString())
              .redirectErrorStream(true)
              .start();
      // wait for at least one complete write, then kill at a random moment
      var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
      assertTrue(out.readLine() != null, "child wrote nothing");
      Thread.sleep(random.nextInt(20, 400));
      p.destroyForcibly(); // SIGKILL on Linux
      assertTrue(p.waitFor(10, TimeUnit.SECONDS));
      TensorBundle read = TensorFile.read(file);
      float[] v = read.tensors().get("w").values();
      long version = read.metadata().get("version").getAsLong();
      assertEquals(3_000_000, v.length);
      assertEquals((float) version, v[0]);
      assertEquals((float) version, v[v.length - 1], "values and metadata from the same write");
    }
    try (var files = Files.list(dir)) {
      // temp files of killed writes may remain; the checkpoint itself is always whole
      assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("last.ckpt")));
    }
  }
}
