package org.ambiseg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code ambiseg} command: lists the subcommands and dispatches to them. */
@Command(
    name = "ambiseg",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "AmbiSeg: sample, inspect and measure distributions of plausible segmentations.",
      "For research use only, not for diagnosis.",
      "Run with no arguments to open the desktop app."
    },
    subcommands = {CommandLine.HelpCommand.class})
public final class AmbiSegCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
