package org.ambiseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ambiseg.model.TensorBundle;
import org.ambiseg.model.TensorFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) processes at random moments: one that rewrites a checkpoint-sized tensor file in
 * a loop, and a real (tiny) training run that checkpoints every step; the checkpoint on disk always
 * reads back whole and valid, and the next run resumes from it. A run on a full disk (a file-size
 * limit) fails with a clear message and leaves the previous checkpoint intact.
 */
class CheckpointKillTest {

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  /** The training child: KillableTraining in {@code runDir}, optionally under a shell prefix. */
  private static Process startTraining(Path runDir, int steps, String shellPrefix)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    List<String> java =
        List.of(
            JAVA,
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            KillableTraining.class.getName(),
            runDir.toString(),
            String.valueOf(steps),
            "1");
    if (shellPrefix == null) {
      cmd.addAll(java);
    } else {
      cmd.addAll(List.of("/bin/sh", "-c", shellPrefix + " && exec \"$0\" \"$@\""));
      cmd.addAll(java);
    }
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** Reads the child's output until a line starting with {@code prefix}; null when it ended. */
  private static String awaitLine(BufferedReader out, String prefix, List<String> seen)
      throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.add(line);
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    return null;
  }

  private static long checkpointStep(Path runDir) throws Exception {
    TrainingConfig config = KillableTraining.config(1_000_000, 1);
    try (ProbUNetTrainable model = KillableTraining.trainable(config)) {
      return new Checkpointer(runDir).restore(model).step();
    }
  }

  @Test
  void killedTrainingAlwaysLeavesALoadableCheckpointAndResumes(@TempDir Path dir) throws Exception {
    killTrainingLoop(dir, 3, 17);
  }

  @Test
  @Tag("long")
  void killedTrainingLoopLong(@TempDir Path dir) throws Exception {
    killTrainingLoop(dir, 15, 1017);
  }

  private static void killTrainingLoop(Path dir, int kills, long seed) throws Exception {
    Path run = dir.resolve("run");
    SplittableRandom random = new SplittableRandom(seed);
    long previous = 0;
    for (int k = 0; k < kills; k++) {
      Process p = startTraining(run, 1_000_000, null);
      List<String> seen = new ArrayList<>();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = awaitLine(out, "checkpoint ", seen);
      assertNotNull(first, "the training child wrote no checkpoint: " + seen);
      long firstStep = Long.parseLong(first.substring("checkpoint ".length()));
      assertEquals(previous + 1, firstStep, "run " + k + " resumed from the last checkpoint");
      Thread.sleep(random.nextInt(0, 1500)); // kill at a random moment, often mid-write
      p.destroyForcibly(); // SIGKILL on Linux
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      long step = checkpointStep(run);
      assertTrue(step >= firstStep, "checkpoint step " + step + " after " + firstStep);
      System.out.println("kill " + k + ": checkpoint at step " + step + " loads");
      previous = step;
    }
    // the next run resumes and finishes: three more steps
    Process p = startTraining(run, (int) previous + 3, null);
    List<String> seen = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertNotNull(awaitLine(out, "finished", seen), "resumed run did not finish: " + seen);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertTrue(seen.contains("checkpoint " + (previous + 1)), "resumed at the next step: " + seen);
    assertEquals(previous + 3, checkpointStep(run));
  }

  /**
   * A full disk, simulated by a file-size limit ({@code ulimit -f}, no root needed) smaller than a
   * checkpoint: the run stops with a message naming the checkpoint, and the previous one is kept.
   */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void fullDiskKeepsThePreviousCheckpoint(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("run");
    Process first = startTraining(run, 2, null);
    assertTrue(first.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, first.exitValue(), new String(first.getInputStream().readAllBytes()));
    Path ckpt = new Checkpointer(run).file();
    byte[] before = Files.readAllBytes(ckpt);
    long blocks = Files.size(ckpt) / 1024 / 2; // half a checkpoint, in 1 KB blocks
    Process full = startTraining(run, 5, "ulimit -f " + blocks);
    List<String> seen = new ArrayList<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(full.getInputStream(), StandardCharsets.UTF_8));
    String failed = awaitLine(out, "failed ", seen);
    assertNotNull(failed, "no failure reported: " + seen);
    assertTrue(full.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, full.exitValue());
    assertTrue(
        failed.contains("cannot write the checkpoint " + ckpt + " at step 3")
            && failed.contains("the previous checkpoint is kept"),
        failed);
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(ckpt)), "checkpoint unchanged");
    assertEquals(2, checkpointStep(run));
    try (var files = Files.list(ckpt.getParent())) {
      assertEquals(List.of(ckpt), files.toList(), "no temporary file left behind");
    }
  }

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
