package org.ambiseg.app.training;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;

/** Shows the dashboard's {@link Thumbnails.Picture}s: as JavaFX images, and as captioned tiles. */
final class Pictures {

  private Pictures() {}

  /** The picture as a JavaFX image. */
  static WritableImage image(Thumbnails.Picture p) {
    WritableImage out = new WritableImage(p.width(), p.height());
    out.getPixelWriter()
        .setPixels(
            0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0, p.width());
    return out;
  }

  /** The picture scaled to {@code size} pixels wide with crisp pixels, with a caption under it. */
  static VBox tile(Thumbnails.Picture p, String caption, double size) {
    ImageView view = new ImageView(image(p));
    view.setSmooth(false);
    view.setPreserveRatio(true);
    view.setFitWidth(size);
    Label label = new Label(caption);
    label.getStyleClass().add("tile-caption");
    VBox tile = new VBox(2, view, label);
    tile.setAlignment(Pos.TOP_CENTER);
    return tile;
  }
}
