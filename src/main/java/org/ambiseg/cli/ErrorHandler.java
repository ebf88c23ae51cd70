package org.ambiseg.cli;

import java.util.Arrays;
import org.ambiseg.core.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from a subcommand into one clear line on stderr and an exit code; the stack
 * trace is printed only when {@code --debug} was given.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    boolean debug = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--debug");
    Throwable root = ex;
    while (!(root instanceof BadInputException) && root.getCause() != null) {
      root = root.getCause();
    }
    if (root instanceof BadInputException bad) {
      cl.getErr().println("error: " + bad.getMessage());
      if (debug) {
        ex.printStackTrace(cl.getErr());
      }
      return CliMain.EXIT_BAD_INPUT;
    }
    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    cl.getErr().println("error: " + msg);
    if (debug) {
      ex.printStackTrace(cl.getErr());
    } else {
      cl.getErr().println("(run again with --debug for details)");
    }
    return 1;
  }
}
