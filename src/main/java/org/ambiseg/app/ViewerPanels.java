package org.ambiseg.app;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import org.ambiseg.app.cases.CaseBrowser;
import org.ambiseg.app.cases.CaseBrowserView;
import org.ambiseg.app.cases.RoiSelector;
import org.ambiseg.app.cases.RoiSelectorView;
import org.ambiseg.app.latent.LatentKind;
import org.ambiseg.app.latent.LatentPanel;
import org.ambiseg.app.latent.LatentViewModel;
import org.ambiseg.app.measure.MeasurementsPanel;
import org.ambiseg.app.measure.MeasurementsViewModel;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.app.uncertainty.UncertaintyPane;
import org.ambiseg.app.viewport.Viewport;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;

/**
 * The side panels of the main window beside the gallery, each bound to the one {@link CaseSession}:
 * the dataset case list (a chosen case is shown and sampled), the uncertainty heatmaps of the
 * current samples, the latent controls of the current model (the tab is disabled when the model has
 * no latent space), and the region of a large image that gets sampled (enabled while such an image
 * is open; see {@link RegionRouter}). Only wiring: the logic is in the panels' view-models.
 */
final class ViewerPanels implements AutoCloseable {

  private final CaseBrowser browser;
  private final CaseBrowserView browserView;
  private final UncertaintyPane uncertainty;
  private final LatentViewModel latent;
  private final LatentPanel latentPanel;
  private final RoiSelector region = new RoiSelector(RegionRouter.DEFAULT_INPUT_SIZE);
  private final RoiSelectorView regionView = new RoiSelectorView(region);
  private final RegionRouter router;
  private final MeasurementsPanel measurements;
  private Tab regionTab;

  ViewerPanels(CaseSession session, AppExecutors executors, ProblemReporter problems) {
    ObservableValue<Image2D> image = session.caseProperty().map(Case::image);
    router = new RegionRouter(region, session::showCase, this::showRegionTab);
    router.modelChanged(session.modelProperty().get());
    session.modelProperty().addListener((obs, old, now) -> router.modelChanged(now));
    browser = new CaseBrowser(executors.io(), problems);
    browser
        .selectedCaseProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                router.datasetCase(now);
              }
            });
    browserView = new CaseBrowserView(browser);
    uncertainty =
        new UncertaintyPane(image, session.samplesProperty(), executors.io(), new Viewport());
    latent = new LatentViewModel(session.estimatorProperty(), image, executors.model(), problems);
    latentPanel = new LatentPanel(latent);
    measurements =
        new MeasurementsPanel(
            new MeasurementsViewModel(
                session.samplesProperty(), session.caseProperty(), executors.io()));
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
    view.addSidePanel("Measurements", measurements);
    view.addSidePanel("Region", regionView.root());
    regionTab = view.sidePanels().getTabs().get(view.sidePanels().getTabs().size() - 1);
    regionTab.setId("region-tab");
    regionTab.disableProperty().bind(region.displayImageProperty().isNull());
  }

  private void showRegionTab() {
    if (regionTab != null) {
      regionTab.getTabPane().getSelectionModel().select(regionTab);
    }
  }

  /** Routes opened images to the session, through the region selector when they are large. */
  RegionRouter router() {
    return router;
  }

  /** The region selector of large images. */
  RoiSelector region() {
    return region;
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
