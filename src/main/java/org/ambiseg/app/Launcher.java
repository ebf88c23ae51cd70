package org.ambiseg.app;

import java.util.Optional;
import javafx.application.Application;

/**
 * Plain main class that starts the JavaFX application (launching the Application subclass straight
 * from the class path fails with "JavaFX runtime components are missing"). Usage: {@code Launcher
 * [image-file]}; without a display it prints how to run instead and exits with code 2.
 */
public final class Launcher {

  private Launcher() {}

  /** Opens the desktop window, and the image file given as first argument if any. */
  public static void main(String[] args) {
    Optional<String> problem =
        DisplayCheck.problem(
            System.getenv(), System.getProperty("os.name"), System.getProperty("glass.platform"));
    if (problem.isPresent()) {
      System.err.println(problem.get());
      System.exit(DisplayCheck.EXIT_NO_DISPLAY);
    }
    Application.launch(AmbiSegApp.class, args);
  }
}
