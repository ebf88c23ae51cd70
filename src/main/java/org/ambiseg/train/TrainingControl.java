package org.ambiseg.train;

/**
 * Pause, resume and stop requests from another thread (the app's buttons, a signal handler); the
 * training loop polls it between steps.
 */
public final class TrainingControl {

  private volatile boolean paused;
  private volatile boolean stopRequested;

  /** Asks the loop to pause after the current step. */
  public synchronized void pause() {
    paused = true;
  }

  /** Lets a paused loop continue. */
  public synchronized void resume() {
    paused = false;
    notifyAll();
  }

  /** Asks the loop to write a checkpoint and stop. */
  public synchronized void stop() {
    stopRequested = true;
    notifyAll();
  }

  public boolean isPaused() {
    return paused;
  }

  public boolean isStopRequested() {
    return stopRequested;
  }

  /** Blocks while paused and not stopped. */
  synchronized void awaitNotPaused() throws InterruptedException {
    while (paused && !stopRequested) {
      wait();
    }
  }
}
