package org.ambiseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ambiseg.core.ProgressMonitor;
import org.ambiseg.io.synth.SplitFractions;
import org.ambiseg.io.synth.SynthDatasetWriter;
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
    description = {
      "Generate a synthetic ambiguous dataset: CT-nodule-like grey images, 4 rater masks per case",
      "drawn from a known, image-dependent distribution over interpretations (core, core+lobe,",
      "nothing), written as train/ val/ test/ folders with images/, masks/ and truth.json."
    })
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
    SplitFractions fractions;
    try {
      fractions = SplitFractions.parse(split);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--split: " + e.getMessage());
    }
    if (cases < 1) {
      throw new CommandLine.ParameterException(cl, "--cases must be at least 1");
    }
    if (size < 32 || size > 2048) {
      throw new CommandLine.ParameterException(cl, "--size must be in 32..2048");
    }
    if (Files.exists(out) && !isEmptyDirectory(out)) {
      throw new CommandLine.ParameterException(
          cl, "--out " + out + " exists and is not an empty folder; choose a new folder");
    }
    int[] counts =
        SynthDatasetWriter.write(out, cases, size, seed, fractions, ProgressMonitor.NONE);
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
}
