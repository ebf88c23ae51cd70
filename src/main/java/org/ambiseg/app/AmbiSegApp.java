package org.ambiseg.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The AmbiSeg desktop application. */
public final class AmbiSegApp extends Application {

  @Override
  public void start(Stage stage) {
    stage.setTitle("AmbiSeg");
    stage.setScene(new Scene(new BorderPane(new Label("AmbiSeg")), 1200, 800));
    stage.show();
  }
}
