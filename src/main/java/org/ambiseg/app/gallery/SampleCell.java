package org.ambiseg.app.gallery;

import java.util.function.IntConsumer;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.ambiseg.app.ImageCanvas;
import org.controlsfx.control.GridCell;

/** A gallery cell: one sample's overlay (crisp pixels) with a caption; a click selects it. */
final class SampleCell extends GridCell<SampleTile> {

  private final ImageCanvas canvas = new ImageCanvas(0);
  private final Label caption = new Label();
  private final VBox box = new VBox(2, canvas, caption);

  SampleCell(double size, IntConsumer onSelect) {
    getStyleClass().add("sample-cell");
    canvas.setPrefSize(size, size);
    caption.getStyleClass().add("sample-caption");
    setOnMouseClicked(
        e -> {
          if (getItem() != null) {
            onSelect.accept(getItem().sample());
          }
        });
  }

  @Override
  protected void updateItem(SampleTile tile, boolean empty) {
    super.updateItem(tile, empty);
    if (empty || tile == null) {
      canvas.imageProperty().set(null);
      setGraphic(null);
      return;
    }
    canvas.imageProperty().set(tile.picture());
    String name = tile.modeName().isEmpty() ? "" : " \u00b7 " + tile.modeName();
    caption.setText("#" + (tile.sample() + 1) + name);
    setGraphic(box);
  }

  /** The overlay this cell shows; null when empty. */
  javafx.scene.image.Image picture() {
    return canvas.getImage();
  }
}
