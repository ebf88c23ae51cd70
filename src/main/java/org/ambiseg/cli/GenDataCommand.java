package org.ambiseg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.synth.SplitFractions;
import org.ambiseg.io.synth.SynthDatasetWriter;
import org.ambiseg.io.synth.SynthSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code gen-data} command: writes a synthetic ambiguous dataset with known truth. */
@Command(
    name = "gen-data",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Generate a synthetic ambiguous dataset: CT-nodule-like grey images with 4 rater masks"
            + " per case, drawn from a known, image-dependent distribution over interpretations"
            + " (core, core+lobe, nothing); written as train/ val/ test/ folders with images/,"
            + " masks/, truth/ and truth.json.")
public final class GenDataCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, description = "Output folder (must be empty or new).")
  Path out;

  @Option(
      names = "--cases",
      defaultValue = "320",
      description = "Number of cases (default ${DEFAULT-VALUE}).")
  int cases;

  @Option(
      names = "--size",
      defaultValue = "128",
      description = "Image width and height in pixels (default ${DEFAULT-VALUE}).")
  int size;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--split",
      defaultValue = "0.7,0.15,0.15",
      description = "Fractions train,val,test (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--debug", description = "Print stack traces on errors.")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    SynthSettings settings;
    try {
      settings = new SynthSettings(cases, size, seed, SplitFractions.parse(split));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    if (Files.exists(out) && !isEmptyDirectory(out)) {
      throw new CommandLine.ParameterException(
          cl, "--out " + out + " exists and is not an empty folder; choose a new folder");
    }
    int[] counts = SynthDatasetWriter.write(out, settings, new PercentProgress(cl.getErr()));
    cl.getOut()
        .printf(
            "wrote %d cases (%dx%d, seed %d) to %s: train %d, val %d, test %d%n",
            cases, size, size, seed, out, counts[0], counts[1], counts[2]);
    return 0;
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** Prints "generating ...: 10%", "20%", ... on one stream as the work advances. */
  private static final class PercentProgress implements ProgressMonitor {
    private final PrintWriter err;
    private long total = -1;
    private long done;
    private long lastTenth = -1;

    PercentProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void begin(String task, long totalWork) {
      total = totalWork;
      err.print(task + ":");
      err.flush();
    }

    @Override
    public void worked(long units) {
      done += units;
      long tenth = total > 0 ? done * 10 / total : 0;
      if (tenth > lastTenth && tenth > 0) {
        lastTenth = tenth;
        err.print(" " + tenth * 10 + "%");
        if (done >= total) {
          err.println();
        }
        err.flush();
      }
    }

    @Override
    public boolean isCancelled() {
      return false;
    }
  }
}
