package org.ambiseg.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.ambiseg.app.export.ExportFileChooser;
import org.ambiseg.app.export.FrameSource;
import org.ambiseg.app.export.GifExportDialog;
import org.ambiseg.app.export.GifExportViewModel;
import org.ambiseg.app.export.ScoredCase;
import org.ambiseg.app.export.ViewExports;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.app.session.ModelEntry;
import org.ambiseg.core.Case;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Estimator;
import org.ambiseg.io.ExportStamp;

/**
 * The Export menu: the current samples as an animated GIF (through the dialog with its live
 * preview), the main window's columns as a PNG, and the case's scores against its raters as CSV.
 * Every export carries the stamp of what produced it (model, estimator, seed, N and the latent z
 * when the latent panel has one). Items are disabled while there is nothing to export.
 */
final class ExportMenuActions {

  private final CaseSession session;
  private final ExportFileChooser chooser;
  private final ViewExports views;
  private final AppExecutors executors;
  private final ProblemReporter problems;
  private final Supplier<Window> owner;
  private final Supplier<Optional<float[]>> latentZ;
  private final Supplier<Node> shownView;

  ExportMenuActions(
      CaseSession session,
      ExportFileChooser chooser,
      AppExecutors executors,
      ProblemReporter problems,
      Supplier<Window> owner,
      Supplier<Optional<float[]>> latentZ,
      Supplier<Node> shownView) {
    this.session = session;
    this.chooser = chooser;
    this.views = new ViewExports(chooser, executors.io(), problems);
    this.executors = executors;
    this.problems = problems;
    this.owner = owner;
    this.latentZ = latentZ;
    this.shownView = shownView;
  }

  /** The Export menu. */
  Menu menu() {
    MenuItem gif =
        new AppAction(
                "Samples as animated GIF...",
                new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN),
                this::exportGif)
            .toMenuItem();
    gif.setId("export-gif");
    gif.disableProperty().bind(session.samplesProperty().isNull());
    MenuItem png = new AppAction("View as PNG...", null, this::exportPng).toMenuItem();
    png.setId("export-png");
    png.disableProperty().bind(session.caseProperty().isNull());
    MenuItem csv = new AppAction("Case scores as CSV...", null, this::exportCsv).toMenuItem();
    csv.setId("export-csv");
    csv.disableProperty()
        .bind(session.analysisProperty().map(a -> a.scores().isEmpty()).orElse(true));
    Menu menu = new Menu("Export");
    menu.setMnemonicParsing(false);
    menu.getItems().addAll(gif, png, csv);
    return menu;
  }

  /** What produced the current samples, for the files' metadata. */
  ExportStamp stamp() {
    ModelEntry model = session.modelProperty().get();
    Estimator estimator = session.estimatorProperty().get();
    SampleSet samples = session.samplesProperty().get();
    ExportStamp stamp =
        ExportStamp.of(
            model == null ? "none" : model.name(),
            estimator == null ? "none" : estimator.name(),
            session.seedProperty().get(),
            samples == null ? 0 : samples.size(),
            appVersion(),
            Instant.now());
    Optional<float[]> z = latentZ.get();
    if (z.isPresent()) {
      double[] values = new double[z.get().length];
      for (int i = 0; i < values.length; i++) {
        values[i] = z.get()[i];
      }
      stamp = stamp.withLatent(values);
    }
    return stamp;
  }

  private void exportGif() {
    Case c = session.caseProperty().get();
    SampleSet samples = session.samplesProperty().get();
    if (c == null || samples == null) {
      return;
    }
    GifExportViewModel model =
        new GifExportViewModel(
            c.image(), FrameSource.samples(samples), stamp(), chooser, executors.io(), problems);
    new GifExportDialog(model, owner.get()).show();
  }

  private void exportPng() {
    Case c = session.caseProperty().get();
    if (c != null) {
      views.exportPng(owner.get(), shownView.get(), 2, stamp(), false, c.id() + ".png");
    }
  }

  private void exportCsv() {
    Case c = session.caseProperty().get();
    var analysis = session.analysisProperty().get();
    if (c != null && analysis != null && analysis.scores().isPresent()) {
      views.exportScoresCsv(
          owner.get(),
          List.of(new ScoredCase(c.id(), analysis.scores().get())),
          stamp(),
          c.id() + "-scores.csv");
    }
  }

  private static String appVersion() {
    String v = ExportMenuActions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
