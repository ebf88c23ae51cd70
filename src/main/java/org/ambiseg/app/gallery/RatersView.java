package org.ambiseg.app.gallery;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ambiseg.app.ImageCanvas;

/**
 * The case's rater masks, drawn in the gallery's overlay look, and the per-case GED and HM-IoU
 * between the samples and the raters. Only builds nodes and binds them to {@link GalleryViewModel}.
 */
public final class RatersView {

  private static final double TILE = 96;

  private final VBox root = new VBox(6);
  private final FlowPane tiles = new FlowPane(4, 4);

  /** The rater panel of {@code gallery}. */
  public RatersView(GalleryViewModel gallery) {
    root.setId("raters-view");
    root.getStyleClass().add("raters");
    Label scores = new Label();
    scores.setId("case-scores");
    scores.setWrapText(true);
    scores.textProperty().bind(gallery.scoresTextProperty());
    tiles.setId("rater-tiles");
    ScrollPane scroll = new ScrollPane(tiles);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    root.getChildren().addAll(scores, scroll);
    gallery.raterTiles().addListener((ListChangeListener<Image>) c -> rebuild(gallery));
    rebuild(gallery);
  }

  /** The root node. */
  public Parent root() {
    return root;
  }

  private void rebuild(GalleryViewModel gallery) {
    tiles.getChildren().clear();
    int i = 1;
    for (Image picture : gallery.raterTiles()) {
      ImageCanvas canvas = new ImageCanvas(0);
      canvas.setPrefSize(TILE, TILE);
      canvas.imageProperty().set(picture);
      canvas.getStyleClass().add("rater-tile");
      Label caption = new Label("Rater " + i++);
      tiles.getChildren().add(new VBox(2, canvas, caption));
    }
  }
}
