package org.ambiseg.app;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.ambiseg.app.training.TrainingMenu;
import org.ambiseg.app.training.TrainingViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AmbiSeg desktop application: wires executors, view-model, actions and view into the main
 * window, opens the image file given as first argument, and shuts the background threads down on
 * exit.
 */
public final class AmbiSegApp extends Application {

  private static final Logger LOG = LoggerFactory.getLogger(AmbiSegApp.class);

  /** Window title. */
  public static final String TITLE = "AmbiSeg";

  private final ImageFileChooser chooser;
  private AppExecutors executors;
  private MainViewModel model;

  /** The app with the real file dialog (used by {@link Launcher}). */
  public AmbiSegApp() {
    this(new FxImageFileChooser());
  }

  /** The app with another way of choosing files (tests supply the path). */
  AmbiSegApp(ImageFileChooser chooser) {
    this.chooser = chooser;
  }

  @Override
  public void start(Stage stage) {
    executors = new AppExecutors();
    model = new MainViewModel(executors.io(), new AlertProblemReporter(() -> stage));
    MenuBar menuBar =
        new MenuBar(
            new FileMenuActions(model, chooser, () -> stage, Platform::exit).menu(),
            // null: no viewer to open trained models in yet (its openModel(Path) goes here)
            new TrainingMenu(executors.io(), null, TrainingViewModel.defaultRunsFolder()).menu(),
            new HelpMenuActions(() -> stage).menu());
    MainView view = new MainView(model, menuBar);

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
    stage.show();

    startupFile().ifPresent(model::openImage);
  }

  @Override
  public void stop() {
    if (executors != null) {
      executors.close();
    }
  }

  /** The view-model of the main window (null before {@link #start}). */
  MainViewModel model() {
    return model;
  }

  /** The executors (null before {@link #start}). */
  AppExecutors executors() {
    return executors;
  }

  private Optional<Path> startupFile() {
    Parameters params = getParameters();
    List<String> args = params == null ? List.of() : params.getUnnamed();
    return args.isEmpty() ? Optional.empty() : Optional.of(Path.of(args.get(0)));
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
