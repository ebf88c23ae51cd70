package org.ambiseg.app;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.ambiseg.app.cases.CaseBrowser;
import org.ambiseg.app.cases.RecentFile;
import org.ambiseg.app.cases.RecentFiles;
import org.ambiseg.app.cases.RecentFilesMenu;
import org.ambiseg.app.compare.ColumnOpener;
import org.ambiseg.app.compare.CompareMenu;
import org.ambiseg.app.export.ExportFileChooser;
import org.ambiseg.app.export.FxExportFileChooser;
import org.ambiseg.app.export.SessionActions;
import org.ambiseg.app.gallery.FxMaskFileChooser;
import org.ambiseg.app.gallery.GalleryViewModel;
import org.ambiseg.app.gallery.MaskFileChooser;
import org.ambiseg.app.gallery.SampleActionsView;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.app.session.EstimatorOpener;
import org.ambiseg.app.session.ModelCatalog;
import org.ambiseg.app.session.ModelEntry;
import org.ambiseg.app.training.TrainingMenu;
import org.ambiseg.app.training.TrainingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AmbiSeg desktop application: wires executors, view-models, actions and view into the main
 * window, starts loading the default model (shipped {@code models/probunet-shapes}), opens the
 * image file given as first argument, and shuts the background threads down on exit.
 */
public final class AmbiSegApp extends Application {

  private static final Logger LOG = LoggerFactory.getLogger(AmbiSegApp.class);

  /** Window title. */
  public static final String TITLE = "AmbiSeg";

  private final ImageFileChooser chooser;
  private final MaskFileChooser maskChooser;
  private final List<Path> modelRoots;
  private final Path startFile;
  private final DatasetChooser datasetChooser;
  private final ExportFileChooser exportChooser;
  private AppExecutors executors;
  private ViewerPanels panels;
  private MainViewModel model;
  private CaseSession session;
  private GalleryViewModel gallery;

  /** The app with the real file dialogs and model folders (used by {@link Launcher}). */
  public AmbiSegApp() {
    this(new FxImageFileChooser(), new FxMaskFileChooser(), ModelCatalog.defaultRoots(), null);
  }

  /** The app with another way of choosing files (tests supply the path). */
  AmbiSegApp(ImageFileChooser chooser) {
    this(chooser, new FxMaskFileChooser(), ModelCatalog.defaultRoots(), null);
  }

  /**
   * The app with other ways of choosing files to open and to save, other folders to find models in,
   * and the image to open at start when no argument names one (null for none); for tests.
   */
  AmbiSegApp(
      ImageFileChooser chooser,
      MaskFileChooser maskChooser,
      List<Path> modelRoots,
      Path startFile) {
    this(
        chooser,
        maskChooser,
        new FxDatasetChooser(),
        new FxExportFileChooser(),
        modelRoots,
        startFile);
  }

  /** The app with every file dialog replaced (tests supply the paths). */
  AmbiSegApp(
      ImageFileChooser chooser,
      MaskFileChooser maskChooser,
      DatasetChooser datasetChooser,
      ExportFileChooser exportChooser,
      List<Path> modelRoots,
      Path startFile) {
    this.datasetChooser = datasetChooser;
    this.exportChooser = exportChooser;
    this.chooser = chooser;
    this.maskChooser = maskChooser;
    this.modelRoots = List.copyOf(modelRoots);
    this.startFile = startFile;
  }

  @Override
  public void start(Stage stage) {
    executors = new AppExecutors();
    ProblemReporter problems = new AlertProblemReporter(() -> stage);
    model = new MainViewModel(executors.io(), problems);
    List<ModelEntry> models = ModelCatalog.scan(modelRoots);
    session = new CaseSession(executors.model(), problems, EstimatorOpener.DEFAULT, models);
    gallery = new GalleryViewModel(session);
    panels = new ViewerPanels(session, executors, problems);
    model
        .loadedProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                panels.router().opened(now);
              }
            });
    RecentFiles recent = new RecentFiles(RecentFiles.defaultLocation());
    ExportMenuActions exports =
        new ExportMenuActions(
            session,
            exportChooser,
            executors,
            problems,
            () -> stage,
            () -> Optional.ofNullable(panels.latent().zProperty().get()),
            () -> stage.getScene().getRoot().lookup("#main-columns"));
    SessionBridge bridge =
        new SessionBridge(
            session,
            model,
            panels.browser(),
            panels.latent(),
            panels.uncertainty().model(),
            gallery,
            panels.region());
    SessionActions sessionActions =
        new SessionActions(exportChooser, () -> stage, bridge::current, bridge::restore, problems);
    List<MenuItem> fileItems = new ArrayList<>(datasetItems(stage, recent));
    fileItems.add(new SeparatorMenuItem());
    fileItems.add(withId(sessionActions.save().toMenuItem(), "save-session"));
    fileItems.add(withId(sessionActions.open().toMenuItem(), "open-session"));
    AtomicReference<List<Menu>> menus = new AtomicReference<>(List.of());
    MenuBar menuBar =
        new MenuBar(
            new FileMenuActions(model, chooser, () -> stage, Platform::exit).menu(fileItems),
            exports.menu(),
            new CompareMenu(() -> stage, session, executors.model(), ColumnOpener.DEFAULT).menu(),
            new TrainingMenu(
                    executors.io(), session::openModel, TrainingViewModel.defaultRunsFolder())
                .menu(),
            new HelpMenuActions(() -> stage, () -> menus.get()).menu());
    menus.set(menuBar.getMenus());
    SampleActionsView actions =
        new SampleActionsView(session, gallery, maskChooser, () -> stage, problems);
    MainView view = new MainView(model, session, gallery, menuBar, actions.root());
    panels.addTo(view);
    view.onDatasetDropped(panels.browser()::openDataset);

    Dimension2D size =
        WindowSizing.fit(
            WindowSizing.PREFERRED_WIDTH,
            WindowSizing.PREFERRED_HEIGHT,
            Screen.getPrimary().getVisualBounds());
    Scene scene = new Scene(view.root(), size.getWidth(), size.getHeight());
    addResource("ambiseg.css", css -> scene.getStylesheets().add(css.toExternalForm()));
    addResource("icon.png", icon -> stage.getIcons().add(new Image(icon.toExternalForm())));
    stage.setTitle(TITLE);
    stage.setScene(scene);
    // explicit, so a stage that was shown before (TestFX reuses one) does not keep its old size
    stage.setWidth(size.getWidth());
    stage.setHeight(size.getHeight());
    stage.centerOnScreen();
    stage.show();

    ModelCatalog.defaultModel(models).ifPresent(m -> session.openModel(m.dir()));
    startupFile().ifPresent(model::openImage);
  }

  /** File menu items for datasets: open a folder or a file, and the recent files. */
  private List<MenuItem> datasetItems(Stage stage, RecentFiles recent) {
    CaseBrowser browser = panels.browser();
    browser
        .selectedCaseProperty()
        .addListener(
            (obs, old, now) -> {
              Path dataset = browser.datasetPathProperty().get();
              if (now != null && dataset != null) {
                model.datasetCaseShown(now, dataset);
              }
            });
    Menu recentMenu = RecentFilesMenu.create(recent, r -> openRecent(r, browser));
    browser
        .datasetPathProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                recent.add(now, RecentFile.Kind.DATASET);
                RecentFilesMenu.refresh(recentMenu, recent, r -> openRecent(r, browser));
              }
            });
    model
        .currentFileProperty()
        .addListener(
            (obs, old, now) -> {
              if (now != null) {
                recent.add(now, RecentFile.Kind.IMAGE);
                RecentFilesMenu.refresh(recentMenu, recent, r -> openRecent(r, browser));
              }
            });
    MenuItem folder =
        new AppAction(
                "Open dataset folder...",
                new KeyCodeCombination(
                    KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN),
                () -> datasetChooser.chooseFolder(stage).ifPresent(browser::openDataset))
            .toMenuItem();
    folder.setId("open-dataset-folder");
    MenuItem file =
        new AppAction(
                "Open dataset file (zip, pickle)...",
                null,
                () -> datasetChooser.chooseFile(stage).ifPresent(browser::openDataset))
            .toMenuItem();
    file.setId("open-dataset-file");
    return List.of(folder, file, recentMenu);
  }

  private static MenuItem withId(MenuItem item, String id) {
    item.setId(id);
    return item;
  }

  private void openRecent(RecentFile r, CaseBrowser browser) {
    if (r.kind() == RecentFile.Kind.DATASET) {
      browser.openDataset(r.path());
    } else {
      model.openImage(r.path());
    }
  }

  @Override
  public void stop() {
    if (panels != null) {
      panels.close();
    }
    if (session != null) {
      session.close();
    }
    if (executors != null) {
      executors.close();
    }
  }

  /** The view-model of the main window (null before {@link #start}). */
  MainViewModel model() {
    return model;
  }

  /** The case session (null before {@link #start}). */
  CaseSession session() {
    return session;
  }

  /** The side panels (null before {@link #start}). */
  ViewerPanels panels() {
    return panels;
  }

  /** The gallery's view-model (null before {@link #start}). */
  GalleryViewModel gallery() {
    return gallery;
  }

  /** The executors (null before {@link #start}). */
  AppExecutors executors() {
    return executors;
  }

  private Optional<Path> startupFile() {
    Parameters params = getParameters();
    List<String> args = params == null ? List.of() : params.getUnnamed();
    return args.isEmpty() ? Optional.ofNullable(startFile) : Optional.of(Path.of(args.get(0)));
  }

  private static void addResource(String name, java.util.function.Consumer<URL> use) {
    URL url = AmbiSegApp.class.getResource(name);
    if (url == null) {
      LOG.warn("resource {} not found on the class path; continuing without it", name);
      return;
    }
    use.accept(url);
  }
}
