package org.ambiseg.app.latent;

import javafx.beans.property.DoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A square pad that moves two latent dimensions at once: pressing or dragging sets the horizontal
 * dimension from x and the vertical one from y (up positive), mapped by {@link PadMapping}; a dot
 * marks the current pair of offsets.
 */
public final class LatentPad extends Region {

  private static final double SIZE = 140;
  private static final double DOT = 5;

  private final LatentViewModel model;
  private final Canvas canvas = new Canvas(SIZE, SIZE);

  /** A pad steering {@code model}'s pad dimensions. */
  public LatentPad(LatentViewModel model) {
    this.model = model;
    getChildren().add(canvas);
    setMinSize(SIZE, SIZE);
    setPrefSize(SIZE, SIZE);
    setMaxSize(SIZE, SIZE);
    canvas.setOnMousePressed(this::moved);
    canvas.setOnMouseDragged(this::moved);
    model.offsets().addListener((ListChangeListener<DoubleProperty>) c -> watch());
    model.padXDimensionProperty().addListener((obs, old, now) -> redraw());
    model.padYDimensionProperty().addListener((obs, old, now) -> redraw());
    watch();
  }

  private void moved(MouseEvent e) {
    model.setPad(
        PadMapping.offsetFromX(e.getX(), SIZE, LatentViewModel.RANGE),
        PadMapping.offsetFromY(e.getY(), SIZE, LatentViewModel.RANGE));
  }

  private void watch() {
    model.offsets().forEach(p -> p.addListener((obs, old, now) -> redraw()));
    redraw();
  }

  private double offset(int dimension) {
    return dimension < model.offsets().size() ? model.offsets().get(dimension).get() : 0;
  }

  private void redraw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.web("#20242b"));
    g.fillRect(0, 0, SIZE, SIZE);
    g.setStroke(Color.web("#5a6270"));
    g.strokeLine(SIZE / 2, 0, SIZE / 2, SIZE);
    g.strokeLine(0, SIZE / 2, SIZE, SIZE / 2);
    g.strokeRect(0.5, 0.5, SIZE - 1, SIZE - 1);
    double x =
        PadMapping.xFromOffset(
            offset(model.padXDimensionProperty().get()), SIZE, LatentViewModel.RANGE);
    double y =
        PadMapping.yFromOffset(
            offset(model.padYDimensionProperty().get()), SIZE, LatentViewModel.RANGE);
    g.setFill(Color.web("#39ff14"));
    g.fillOval(x - DOT, y - DOT, 2 * DOT, 2 * DOT);
  }
}
