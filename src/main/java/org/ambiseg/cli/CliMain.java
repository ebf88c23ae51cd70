package org.ambiseg.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * Builds the picocli command tree and runs it; errors from bad input are printed as one line (with
 * the stack trace only under {@code --debug}) and give a non-zero exit code.
 */
public final class CliMain {

  /** Exit code for input the program cannot use (bad file, bad dataset, bad model). */
  public static final int EXIT_BAD_INPUT = 3;

  private CliMain() {}

  /** The full command tree. Subcommands register here, one class each. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new AmbiSegCommand());
    for (Object sub : subcommands()) {
      cl.addSubcommand(sub);
    }
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }

  private static List<Object> subcommands() {
    return List.of(
        new TrainCommand(),
        new EvalCommand(),
        new GenDataCommand(),
        new SampleCommand(),
        new ExportGifCommand(),
        new ScoreCommand(),
        new BenchCommand());
  }

  /** Runs the CLI with the given arguments and returns the exit code. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Entry point of {@code ./ambiseg <command>}. */
  public static void main(String[] args) {
    System.exit(run(args));
  }
}
