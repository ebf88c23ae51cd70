package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad images and bad model folders given to sample, export-gif and score: a non-zero exit code, one
 * "error:" line naming the file, and a stack trace only under --debug.
 */
class CliBadInputTest {

  @TempDir static Path dir;

  static Path model;
  static Path image;

  @BeforeAll
  static void fixtures() throws IOException {
    model = TinyModels.save(dir.resolve("model"));
    image = TinyModels.image(dir.resolve("img.png"), 32, 32);
  }

  private static TinyModels.Run sample(Path modelDir, Path img, String... extra) {
    String[] base = {
      "sample",
      "--model",
      modelDir.toString(),
      "--image",
      img.toString(),
      "-n",
      "2",
      "--out",
      dir.resolve("out").toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return TinyModels.run(args);
  }

  /** Exit code 3, exactly one line starting "error:" that names {@code file}, no stack trace. */
  private static void assertOneLineError(TinyModels.Run r, Path file) {
    assertEquals(CliMain.EXIT_BAD_INPUT, r.code(), r.err());
    String[] lines = r.err().strip().split("\\R");
    assertEquals(1, lines.length, r.err());
    assertTrue(lines[0].startsWith("error: "), r.err());
    assertTrue(lines[0].contains(file.toString()), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void emptyImageFile() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.png"));
    assertOneLineError(sample(model, empty), empty);
  }

  @Test
  void textFileNamedPng() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.png"), "this is not an image\n");
    assertOneLineError(sample(model, text), text);
    assertOneLineError(
        TinyModels.run(
            "export-gif",
            "--model",
            model.toString(),
            "--image",
            text.toString(),
            "--out",
            dir.resolve("x.gif").toString()),
        text);
  }

  @Test
  void imageTheModelCannotTake() throws IOException {
    Path odd = TinyModels.image(dir.resolve("odd.png"), 33, 33);
    assertOneLineError(sample(model, odd), odd);
  }

  @Test
  void missingModelFolder() {
    Path missing = dir.resolve("no-such-model");
    assertOneLineError(sample(missing, image), missing);
  }

  @Test
  void truncatedModelParameters() throws IOException {
    Path broken = TinyModels.save(dir.resolve("broken"));
    Path params = broken.resolve("model.params");
    try (FileChannel ch = FileChannel.open(params, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() / 2);
    }
    assertOneLineError(sample(broken, image), params);
  }

  @Test
  void debugPrintsTheStackTrace() throws IOException {
    Path empty = dir.resolve("empty2.png");
    Files.write(empty, new byte[0]);
    TinyModels.Run r = sample(model, empty, "--debug");
    assertEquals(CliMain.EXIT_BAD_INPUT, r.code());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  @Test
  void scoreWithABadSampleMask() throws IOException {
    Path data = ScoreCommandTest.dataset(dir.resolve("data"));
    Path samples = dir.resolve("samples");
    Path bad = Files.createDirectories(samples.resolve("a")).resolve("0.png");
    Files.write(bad, new byte[0]);
    assertOneLineError(
        TinyModels.run("score", "--samples", samples.toString(), "--data", data.toString()), bad);
    Files.writeString(bad, "not a png");
    assertOneLineError(
        TinyModels.run("score", "--samples", samples.toString(), "--data", data.toString()), bad);
  }

  @Test
  void scoreWithAMissingDataset() throws IOException {
    Path samples = dir.resolve("samples2");
    Files.createDirectories(samples.resolve("a"));
    Files.write(samples.resolve("a/0.png"), new byte[0]);
    Path missing = dir.resolve("no-data");
    assertOneLineError(
        TinyModels.run("score", "--samples", samples.toString(), "--data", missing.toString()),
        missing);
  }
}
