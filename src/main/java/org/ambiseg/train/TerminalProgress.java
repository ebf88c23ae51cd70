package org.ambiseg.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a one-line progress bar on the terminal (step, loss terms, steps/s and ETA), redrawn at
 * most twice a second, and a line per validation and at the end.
 */
public final class TerminalProgress implements TrainingListener {

  private final PrintStream out;
  private final boolean interactive;
  private long total;
  private long lastDraw;

  /** Progress on {@code out}; with {@code interactive} false, a plain line every 30 s instead. */
  public TerminalProgress(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  @Override
  public void onStart(long firstStep, long totalSteps) {
    total = totalSteps;
  }

  @Override
  public void onStep(long step, StepResult result, float learningRate, double stepsPerSecond) {
    long now = System.nanoTime();
    long interval = interactive ? 500_000_000L : 30_000_000_000L;
    if (now - lastDraw < interval && step != total) {
      return;
    }
    lastDraw = now;
    int width = 24;
    int filled = (int) (width * step / Math.max(1, total));
    StringBuilder terms = new StringBuilder();
    result.terms().forEach((k, v) -> terms.append(String.format(Locale.ROOT, " %s %.4g", k, v)));
    double eta = stepsPerSecond > 0 ? (total - step) / stepsPerSecond : Double.NaN;
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %d/%d loss %.4g%s | %.2f steps/s | ETA %s",
            "#".repeat(filled),
            ".".repeat(width - filled),
            step,
            total,
            result.loss(),
            terms,
            stepsPerSecond,
            duration(eta));
    if (interactive) {
      out.print("\r" + line + "\u001b[K");
    } else {
      out.println(line);
    }
    out.flush();
  }

  @Override
  public void onValidation(long step, Map<String, Double> metrics) {
    StringBuilder sb = new StringBuilder();
    metrics.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
    out.println((interactive ? "\n" : "") + "validation at step " + step + ":" + sb);
  }

  @Override
  public void onEnd(long step, TrainingOutcome outcome, String error) {
    out.println(
        (interactive ? "\n" : "")
            + "training "
            + outcome.name().toLowerCase(Locale.ROOT)
            + " at step "
            + step
            + (error == null ? "" : ": " + error));
  }

  /** "1h 02m", "3m 20s" or "?" for unknown. */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      return "?";
    }
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh %02dm", s / 3600, (s % 3600) / 60);
    }
    return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
  }
}
