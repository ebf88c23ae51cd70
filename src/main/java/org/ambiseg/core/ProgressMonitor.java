package org.ambiseg.core;

/**
 * Progress and cancellation for long work, implemented by the CLI (a terminal bar) and the app (a
 * polled progress property). Work calls {@link #worked} and checks {@link #isCancelled}.
 */
public interface ProgressMonitor {

  /** A monitor that reports nowhere and is never cancelled. */
  ProgressMonitor NONE =
      new ProgressMonitor() {
        @Override
        public void begin(String task, long totalWork) {}

        @Override
        public void worked(long units) {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };

  /** Starts a task with a known amount of work (or -1 when unknown). */
  void begin(String task, long totalWork);

  /** Reports {@code units} more units of work done. */
  void worked(long units);

  /** True when the user asked to stop; work should end soon and cleanly. */
  boolean isCancelled();
}
