package org.ambiseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenDataCommandTest {

  @TempDir Path tmp;

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = CliMain.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void writesTheSplitsAndReportsCounts() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path dir = tmp.resolve("data");
    int code =
        run(
            out,
            err,
            "gen-data",
            "--out",
            dir.toString(),
            "--cases",
            "5",
            "--seed",
            "3",
            "--split",
            "0.6,0.2,0.2");
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("train 3, val 1, test 1"), out.toString());
    assertTrue(Files.exists(dir.resolve("train/images/synth-00000.png")));
    assertTrue(Files.exists(dir.resolve("val/masks/synth-00003/r3.png")));
    assertTrue(Files.exists(dir.resolve("test/truth.json")));
  }

  @Test
  void refusesANonEmptyOutputFolderAndABadSplit() throws Exception {
    Files.writeString(tmp.resolve("x.txt"), "keep me");
    StringWriter err = new StringWriter();
    assertEquals(2, run(new StringWriter(), err, "gen-data", "--out", tmp.toString()));
    assertTrue(err.toString().contains("not an empty folder"), err.toString());

    StringWriter err2 = new StringWriter();
    assertEquals(
        2,
        run(
            new StringWriter(),
            err2,
            "gen-data",
            "--out",
            tmp.resolve("n").toString(),
            "--split",
            "0.5,0.5"));
    assertTrue(err2.toString().contains("three fractions"), err2.toString());
  }
}
