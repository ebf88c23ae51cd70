package org.ambiseg.app.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javafx.stage.Window;
import org.ambiseg.app.ProblemReporter;
import org.ambiseg.io.ExportStamp;

/**
 * Exports what a view shows: a stamped PNG snapshot of any node (at 1x or 2x), and the per-case
 * scores as CSV. Each asks the chooser for the target on the FX thread, writes on the background
 * executor and reports a failure to the problem reporter; the returned future completes with the
 * written file, or empty when the user cancelled or the write failed.
 */
public final class ViewExports {

  private final ExportFileChooser chooser;
  private final Executor executor;
  private final ProblemReporter problems;

  /** Exports asking {@code chooser} for files and writing on {@code executor}. */
  public ViewExports(ExportFileChooser chooser, Executor executor, ProblemReporter problems) {
    this.chooser = Objects.requireNonNull(chooser, "chooser");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  /**
   * Snapshots {@code view} at {@code scale} (1 or 2) times its size on screen and writes it as a
   * PNG stamped with {@code stamp}, with its caption drawn when {@code caption}. Call on the FX
   * thread.
   */
  public CompletableFuture<Optional<Path>> exportPng(
      Window owner,
      Node view,
      int scale,
      ExportStamp stamp,
      boolean caption,
      String suggestedName) {
    Optional<Path> target = chooser.chooseSaveTarget(owner, ExportFileType.PNG, suggestedName);
    if (target.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    BufferedImage image = snapshot(view, scale);
    return inBackground(target.get(), t -> PngExport.write(t, image, stamp, caption));
  }

  /** Writes {@code cases} as CSV (see {@link CaseScoresCsv}) to a file the user chooses. */
  public CompletableFuture<Optional<Path>> exportScoresCsv(
      Window owner, List<ScoredCase> cases, ExportStamp stamp, String suggestedName) {
    Optional<Path> target = chooser.chooseSaveTarget(owner, ExportFileType.CSV, suggestedName);
    if (target.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    List<ScoredCase> copy = List.copyOf(cases);
    return inBackground(target.get(), t -> CaseScoresCsv.write(t, copy, stamp));
  }

  /**
   * {@code view} as an image at {@code scale} (1 or 2) times its layout size, with a white
   * background. Call on the FX thread.
   */
  public static BufferedImage snapshot(Node view, int scale) {
    if (scale != 1 && scale != 2) {
      throw new IllegalArgumentException("snapshot scale must be 1 or 2, got " + scale);
    }
    SnapshotParameters params = new SnapshotParameters();
    params.setTransform(Transform.scale(scale, scale));
    WritableImage image = view.snapshot(params, null);
    return SwingFXUtils.fromFXImage(image, null);
  }

  private CompletableFuture<Optional<Path>> inBackground(Path target, Write write) {
    CompletableFuture<Optional<Path>> result = new CompletableFuture<>();
    executor.execute(
        () -> {
          try {
            write.to(target);
            result.complete(Optional.of(target));
          } catch (Exception e) {
            String why = String.valueOf(e.getMessage());
            Platform.runLater(
                () -> problems.report("Cannot write " + target.getFileName(), target + ": " + why));
            result.complete(Optional.empty());
          }
        });
    return result;
  }

  /** One file write. */
  @FunctionalInterface
  private interface Write {
    void to(Path target) throws Exception;
  }
}
