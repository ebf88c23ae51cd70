package org.ambiseg.app;

import javafx.application.Application;

/**
 * Plain main class that starts the JavaFX application (launching the Application subclass straight
 * from the class path fails with "JavaFX runtime components are missing").
 */
public final class Launcher {

  private Launcher() {}

  /** Opens the desktop window. */
  public static void main(String[] args) {
    Application.launch(AmbiSegApp.class, args);
  }
}
