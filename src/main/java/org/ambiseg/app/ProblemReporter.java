package org.ambiseg.app;

/**
 * Where view-models send problems the user must see (a file that cannot be opened); the view shows
 * them as dialogs, tests can record them.
 */
@FunctionalInterface
public interface ProblemReporter {

  /** Shows a problem: a short headline and a one-line message naming the file and the problem. */
  void report(String headline, String message);
}
