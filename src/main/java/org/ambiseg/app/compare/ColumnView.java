package org.ambiseg.app.compare;

import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.ambiseg.app.gallery.FxPictures;

/**
 * The view of one {@link CompareColumn}: a header (model name, type, estimator), the progress line,
 * the mean probability heatmap, the first samples as overlays, the metrics text or the error, and a
 * remove button. Ids carry the column's index: {@code compare-column-i}, {@code compare-metrics-i},
 * {@code compare-status-i}, {@code compare-mean-i}, {@code compare-samples-i}, {@code
 * compare-remove-i}.
 */
final class ColumnView {

  /** Width of the mean heatmap on screen. */
  static final double MEAN_SIZE = 192;

  /** Width of one sample tile on screen. */
  static final double TILE_SIZE = 94;

  private final CompareColumn column;
  private final VBox root = new VBox(6);
  private final ImageView mean = new ImageView();
  private final TilePane tiles = new TilePane(4, 4);
  private final Label metrics = new Label();
  private final Label status = new Label();
  private final InvalidationListener onChange = obs -> update();

  ColumnView(CompareColumn column, int index, Consumer<CompareColumn> remove) {
    this.column = column;
    EstimatorChoice choice = column.choice();
    Label title = new Label(choice.model().name());
    title.setStyle("-fx-font-weight: bold;");
    Label kind = new Label("Type " + choice.model().type() + " \u00b7 " + choice.kindLabel());
    kind.setWrapText(true);
    status.setId("compare-status-" + index);
    status.textProperty().bind(column.statusProperty());
    mean.setId("compare-mean-" + index);
    mean.setFitWidth(MEAN_SIZE);
    mean.setPreserveRatio(true);
    mean.setSmooth(false);
    tiles.setId("compare-samples-" + index);
    tiles.setPrefColumns(2);
    tiles.setPrefTileWidth(TILE_SIZE);
    metrics.setId("compare-metrics-" + index);
    metrics.setWrapText(true);
    metrics.setMinHeight(Region.USE_PREF_SIZE);
    Button removeButton = new Button("Remove");
    removeButton.setId("compare-remove-" + index);
    removeButton.setOnAction(e -> remove.accept(column));
    root.getChildren()
        .addAll(
            title,
            kind,
            status,
            metrics,
            caption("Mean probability, 0 to 1"),
            mean,
            caption("First samples"),
            tiles,
            removeButton);
    root.setId("compare-column-" + index);
    root.setPadding(new Insets(8));
    root.setPrefWidth(MEAN_SIZE + 16);
    root.setStyle("-fx-border-color: #c8c8c8; -fx-border-radius: 4;");
    column.resultProperty().addListener(onChange);
    column.errorProperty().addListener(onChange);
    update();
  }

  /** Stops following the column (the view is being replaced). */
  void dispose() {
    column.resultProperty().removeListener(onChange);
    column.errorProperty().removeListener(onChange);
    status.textProperty().unbind();
  }

  private Label caption(String text) {
    Label label = new Label(text);
    label.visibleProperty().bind(column.resultProperty().isNotNull());
    label.managedProperty().bind(label.visibleProperty());
    return label;
  }

  Node root() {
    return root;
  }

  private void update() {
    ColumnResult r = column.resultProperty().get();
    tiles.getChildren().clear();
    if (r == null) {
      mean.setImage(null);
      String error = column.errorProperty().get();
      metrics.setText(error);
      metrics.setStyle(error.isEmpty() ? "" : "-fx-text-fill: #b00020;");
      return;
    }
    mean.setImage(FxPictures.of(r.width(), r.height(), r.meanHeatmap()));
    for (int[] overlay : r.overlays()) {
      ImageView tile = new ImageView(FxPictures.of(r.width(), r.height(), overlay));
      tile.setFitWidth(TILE_SIZE);
      tile.setPreserveRatio(true);
      tiles.getChildren().add(tile);
    }
    metrics.setStyle("");
    metrics.setText(MetricsText.of(r));
  }
}
