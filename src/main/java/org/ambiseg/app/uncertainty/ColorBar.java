package org.ambiseg.app.uncertainty;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.ambiseg.io.render.ColorMap;

/**
 * The colour-bar legend: a vertical strip of the colour map from the scale's 0 (bottom) to its top
 * value (top) with tick labels (see {@link ColorBarTicks}) beside it. Each tick label has the style
 * class {@value #TICK_STYLE} and sits at the height of its value.
 */
public final class ColorBar extends Region {

  /** Style class of the tick labels. */
  public static final String TICK_STYLE = "legend-tick";

  private static final double STRIP_WIDTH = 16;
  private static final double GAP = 4;
  private static final double PAD = 8;
  private static final int MAX_INTERVALS = 5;

  private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(this, "colorMap");
  private final ObjectProperty<HeatmapScale> scale = new SimpleObjectProperty<>(this, "scale");
  private final Canvas strip = new Canvas(STRIP_WIDTH, 0);
  private List<Double> tickValues = List.of();

  /** An empty legend; set the colour map and scale to show it. */
  public ColorBar() {
    getChildren().add(strip);
    colorMap.addListener((obs, old, now) -> requestLayout());
    scale.addListener((obs, old, now) -> rebuildTicks());
    setMinWidth(70);
    setPrefWidth(70);
    setMinHeight(80);
  }

  /** The colour map shown. */
  public ObjectProperty<ColorMap> colorMapProperty() {
    return colorMap;
  }

  /** The value range and unit shown. */
  public ObjectProperty<HeatmapScale> scaleProperty() {
    return scale;
  }

  private void rebuildTicks() {
    getChildren().retainAll(strip);
    HeatmapScale s = scale.get();
    if (s == null) {
      tickValues = List.of();
      return;
    }
    ColorBarTicks ticks = ColorBarTicks.of(0, s.top(), MAX_INTERVALS);
    tickValues = ticks.values();
    for (String text : ticks.labels()) {
      Label label = new Label(text);
      label.getStyleClass().add(TICK_STYLE);
      label.setMinWidth(Region.USE_PREF_SIZE);
      getChildren().add(label);
    }
    requestLayout();
  }

  @Override
  protected void layoutChildren() {
    double top = PAD;
    double height = Math.max(0, getHeight() - 2 * PAD);
    strip.setLayoutX(snapPositionX(0));
    strip.setLayoutY(snapPositionY(top));
    strip.setHeight(height);
    drawStrip();
    HeatmapScale s = scale.get();
    for (int i = 0; i < tickValues.size(); i++) {
      Label label = (Label) getChildren().get(i + 1);
      double y = top + height * (1 - tickValues.get(i) / s.top());
      double h = label.prefHeight(-1);
      label.resizeRelocate(
          snapPositionX(STRIP_WIDTH + GAP), snapPositionY(y - h / 2), label.prefWidth(h), h);
    }
  }

  private void drawStrip() {
    GraphicsContext g = strip.getGraphicsContext2D();
    g.clearRect(0, 0, strip.getWidth(), strip.getHeight());
    ColorMap colors = colorMap.get();
    if (colors == null || scale.get() == null || strip.getHeight() <= 0) {
      return;
    }
    g.setImageSmoothing(false);
    g.drawImage(HeatmapImages.strip(colors), 0, 0, STRIP_WIDTH, strip.getHeight());
  }
}
