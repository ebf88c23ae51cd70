package org.ambiseg.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.collections.ListChangeListener;
import org.ambiseg.app.cases.CaseBrowser;
import org.ambiseg.app.cases.CaseSummary;
import org.ambiseg.app.cases.Roi;
import org.ambiseg.app.cases.RoiSelector;
import org.ambiseg.app.export.SessionFile;
import org.ambiseg.app.gallery.GalleryViewModel;
import org.ambiseg.app.latent.LatentKind;
import org.ambiseg.app.latent.LatentViewModel;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.app.session.ModelEntry;
import org.ambiseg.app.uncertainty.UncertaintyViewModel;
import org.ambiseg.core.Case;
import org.ambiseg.io.render.OverlayLook;

/**
 * Connects File > Save session / Open session to the viewer: {@link #current()} collects what is on
 * screen (case, model, N, seed, latent slider positions, map kind, overlay look, region) and {@link
 * #restore} puts a saved session back in the order the viewer needs it: look, N and seed at once,
 * then the model and the case (both load in the background), the region of a large image once that
 * image is open, and the slider positions only once the restored case (or region) is open with the
 * restored model, so the latent panel does not reset them. Wiring only; call on the FX thread.
 */
final class SessionBridge {

  private final CaseSession session;
  private final MainViewModel images;
  private final CaseBrowser browser;
  private final LatentViewModel latent;
  private final UncertaintyViewModel uncertainty;
  private final GalleryViewModel gallery;
  private final RoiSelector region;

  private String pendingDatasetCase;
  private SessionFile pendingLatent;
  private Roi pendingRegion;

  /** The case on screen when a restore started that reloads the case: not yet the restored one. */
  private Case replacedCase;

  SessionBridge(
      CaseSession session,
      MainViewModel images,
      CaseBrowser browser,
      LatentViewModel latent,
      UncertaintyViewModel uncertainty,
      GalleryViewModel gallery,
      RoiSelector region) {
    this.session = Objects.requireNonNull(session, "session");
    this.images = Objects.requireNonNull(images, "images");
    this.browser = Objects.requireNonNull(browser, "browser");
    this.latent = Objects.requireNonNull(latent, "latent");
    this.uncertainty = Objects.requireNonNull(uncertainty, "uncertainty");
    this.gallery = Objects.requireNonNull(gallery, "gallery");
    this.region = Objects.requireNonNull(region, "region");
    // later: the selector centres the region on a new image right after showing it
    region
        .displayImageProperty()
        .addListener((obs, old, now) -> Platform.runLater(this::applyPendingRegion));
    browser.cases().addListener((ListChangeListener<CaseSummary>) change -> selectPendingCase());
    session
        .caseProperty()
        .addListener(
            (obs, old, now) -> {
              if (region.displayImageProperty().get() == null) {
                pendingRegion = null; // the restored image is shown whole: no region to place
              }
              applyPendingLatent();
            });
    session.estimatorProperty().addListener((obs, old, now) -> applyPendingLatent());
    // a reloaded case equal to the one shown (records compare by value) fires no case change;
    // its new samples do
    session.samplesProperty().addListener((obs, old, now) -> applyPendingLatent());
    latent.kindProperty().addListener((obs, old, now) -> applyPendingLatent());
  }

  /** The session on screen; empty while no case or no model is open. */
  Optional<SessionFile> current() {
    Case c = session.caseProperty().get();
    ModelEntry model = session.modelProperty().get();
    if (c == null || model == null) {
      return Optional.empty();
    }
    SessionFile.CaseRef ref;
    Path dataset = browser.datasetPathProperty().get();
    if (dataset != null && browser.selectedCaseProperty().get() == c) {
      ref = SessionFile.CaseRef.datasetCase(dataset, c.id());
    } else if (images.currentFileProperty().get() != null) {
      ref = SessionFile.CaseRef.image(images.currentFileProperty().get());
    } else {
      return Optional.empty();
    }
    List<Double> offsets = new ArrayList<>();
    if (latent.kindProperty().get() == LatentKind.VECTOR) {
      for (DoubleProperty p : latent.offsets()) {
        offsets.add(p.get());
      }
    }
    OverlayLook look = gallery.look();
    return Optional.of(
        new SessionFile(
            ref,
            model.dir(),
            "default",
            session.seedProperty().get(),
            session.sampleCountProperty().get(),
            offsets,
            uncertainty.mapKindProperty().get(),
            look,
            shownRegion()));
  }

  /** The sampled region when a large image is open (the region selector holds it), else empty. */
  private Optional<Roi> shownRegion() {
    if (region.displayImageProperty().get() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(region.roiProperty().get());
  }

  /** Puts {@code saved} back on screen (model and case load in the background). */
  void restore(SessionFile saved) {
    gallery.setLook(saved.overlay());
    uncertainty.mapKindProperty().set(saved.mapKind());
    session.sampleCountProperty().set(saved.sampleCount());
    session.seedProperty().set(saved.seed());
    pendingLatent = saved.latent().isEmpty() ? null : saved;
    pendingRegion = saved.region().orElse(null);
    ModelEntry model = session.modelProperty().get();
    if (model == null || !sameFile(model.dir(), saved.modelDir())) {
      session.openModel(saved.modelDir());
    }
    SessionFile.CaseRef ref = saved.caseRef();
    replacedCase = session.caseProperty().get();
    if (ref.imageFile().isPresent()) {
      pendingDatasetCase = null;
      Case shown = session.caseProperty().get();
      if (shown != null
          && sameFile(ref.imageFile().get(), images.currentFileProperty().get())
          && shown.id().startsWith(expectedCaseId(ref))) {
        replacedCase = null; // the image is open already: nothing to reload
        applyPendingRegion();
      } else {
        images.openImage(ref.imageFile().get());
      }
    } else {
      pendingDatasetCase = ref.caseId().orElseThrow();
      Path dataset = ref.dataset().orElseThrow();
      CaseSummary selected = browser.selectedProperty().get();
      boolean alreadyShown =
          sameFile(dataset, browser.datasetPathProperty().get())
              && selected != null
              && selected.id().equals(pendingDatasetCase)
              && browser.selectedCaseProperty().get() == replacedCase;
      if (alreadyShown) {
        pendingDatasetCase = null;
        replacedCase = null; // nothing reloads: the case on screen is the restored one
      } else if (sameFile(dataset, browser.datasetPathProperty().get())) {
        selectPendingCase();
      } else {
        browser.openDataset(dataset);
      }
    }
    applyPendingLatent();
  }

  private void selectPendingCase() {
    if (pendingDatasetCase == null) {
      return;
    }
    for (CaseSummary s : browser.allCases()) {
      if (s.id().equals(pendingDatasetCase)) {
        pendingDatasetCase = null;
        browser.select(s);
        return;
      }
    }
  }

  /**
   * Moves the region of the restored large image to the saved place, once that image is open in the
   * region selector (the router then shows the region's case, and the latent positions follow).
   */
  private void applyPendingRegion() {
    Roi saved = pendingRegion;
    if (saved == null || region.displayImageProperty().get() == null) {
      return;
    }
    pendingRegion = null;
    region.centreAt(saved.x() + saved.width() / 2.0, saved.y() + saved.height() / 2.0);
    applyPendingLatent();
  }

  private void applyPendingLatent() {
    SessionFile saved = pendingLatent;
    if (saved == null || pendingRegion != null) {
      return;
    }
    Case c = session.caseProperty().get();
    ModelEntry model = session.modelProperty().get();
    boolean ready =
        c != null
            && c != replacedCase
            && model != null
            && session.estimatorProperty().get() != null
            && sameFile(model.dir(), saved.modelDir())
            && c.id().startsWith(expectedCaseId(saved.caseRef()))
            && latent.kindProperty().get() == LatentKind.VECTOR
            && latent.offsets().size() == saved.latent().size();
    if (!ready) {
      return;
    }
    pendingLatent = null;
    replacedCase = null;
    double[] values = saved.latent().stream().mapToDouble(Double::doubleValue).toArray();
    // after the latent panel has handled the same change (which resets its sliders)
    Platform.runLater(() -> latent.setOffsets(values));
  }

  private static String expectedCaseId(SessionFile.CaseRef ref) {
    if (ref.caseId().isPresent()) {
      return ref.caseId().get();
    }
    String name = ref.imageFile().orElseThrow().getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static boolean sameFile(Path a, Path b) {
    return a != null
        && b != null
        && a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
