package org.ambiseg.app;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.ambiseg.app.cases.CaseBrowser;
import org.ambiseg.app.cases.CaseBrowserView;
import org.ambiseg.app.latent.LatentKind;
import org.ambiseg.app.latent.LatentPanel;
import org.ambiseg.app.latent.LatentViewModel;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.app.uncertainty.UncertaintyPane;
import org.ambiseg.app.viewport.Viewport;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;

/**
 * The side panels of the main window beside the gallery, each bound to the one {@link CaseSession}:
 * the dataset case list (a chosen case is shown and sampled), the uncertainty heatmaps of the
 * current samples, and the latent controls of the current model (the tab is disabled when the model
 * has no latent space). Only wiring: the logic is in the panels' view-models.
 */
final class ViewerPanels implements AutoCloseable {

  private final CaseBrowser browser;
  private final CaseBrowserView browserView;
  private final UncertaintyPane uncertainty;
  private final LatentViewModel latent;
  private final LatentPanel latentPanel;

  ViewerPanels(CaseSession session, AppExecutors executors, ProblemReporter problems) {
    ObservableValue<Image2D> image = session.caseProperty().map(Case::image);
    browser = new CaseBrowser(executors.io(), problems);
    browser
        .selectedCaseProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                session.showCase(now);
              }
            });
    browserView = new CaseBrowserView(browser);
    uncertainty =
        new UncertaintyPane(image, session.samplesProperty(), executors.io(), new Viewport());
    latent = new LatentViewModel(session.estimatorProperty(), image, executors.model(), problems);
    latentPanel = new LatentPanel(latent);
  }

  /** Adds the panels as tabs of {@code view}. */
  void addTo(MainView view) {
    view.addSidePanel("Uncertainty", uncertainty);
    view.addSidePanel("Latent", latentPanel);
    Tab latentTab = view.sidePanels().getTabs().get(view.sidePanels().getTabs().size() - 1);
    latentTab.setId("latent-tab");
    latentTab.disableProperty().bind(latent.kindProperty().isEqualTo(LatentKind.NONE));
    view.addSidePanel("Cases", browserView.root());
    browserView.installArrowKeys(view.root());
  }

  /** The dataset browser (File > Open dataset opens into it). */
  CaseBrowser browser() {
    return browser;
  }

  /** The uncertainty panel, for exports of its view. */
  UncertaintyPane uncertainty() {
    return uncertainty;
  }

  /** The latent controls' view-model (its z goes into export stamps). */
  LatentViewModel latent() {
    return latent;
  }

  /** The node of the latent panel, for exports of its view. */
  Node latentPanel() {
    return latentPanel;
  }

  @Override
  public void close() {
    latent.close();
    browser.close();
  }
}
