package org.ambiseg.app.measure;

import java.util.Arrays;
import java.util.List;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import org.ambiseg.metrics.LesionMeasure;
import org.ambiseg.metrics.MeasureDistribution;
import org.ambiseg.metrics.SampleMeasurements;

/**
 * A strip plot of one measure: each non-empty sample as a translucent dot on the "Samples" row with
 * a bar at the median, and each rater mask as a diamond on the "Raters" row, along an x axis
 * labelled with the measure's unit and fitted to the values with round ticks ({@link AxisRange}).
 * The "Raters" row appears only when the case has rater masks. Series, in order: {@link #SAMPLES},
 * {@link #MEDIAN}, {@link #RATERS}.
 */
public final class MeasureStripChart extends ScatterChart<Number, String> {

  /** Row and series name of the samples. */
  public static final String SAMPLES = "Samples";

  /** Series name of the median marker (on the samples row). */
  public static final String MEDIAN = "Median";

  /** Row and series name of the rater masks. */
  public static final String RATERS = "Raters";

  private static final String SAMPLE_STYLE =
      "-fx-background-color: rgba(31, 119, 180, 0.45); -fx-background-radius: 5; -fx-padding: 5;";
  private static final String MEDIAN_STYLE =
      "-fx-background-color: #222222; -fx-shape: 'M0,0 H1 V1 H0 Z'; -fx-padding: 10 1.5;";
  private static final String RATER_STYLE =
      "-fx-background-color: #e6550d; -fx-shape: 'M1,0 L2,1 L1,2 L0,1 Z'; -fx-padding: 6;";

  private final MeasureKind kind;
  private final NumberAxis valueAxis;

  /** An empty chart of {@code kind}, labelled in pixels until measures arrive. */
  public MeasureStripChart(MeasureKind kind) {
    super(new NumberAxis(), new CategoryAxis());
    this.kind = kind;
    this.valueAxis = (NumberAxis) getXAxis();
    valueAxis.setAutoRanging(false);
    valueAxis.setMinorTickVisible(false);
    valueAxis.setLabel(kind.axisLabel(false));
    setAnimated(false);
    setLegendVisible(false);
    setPrefHeight(150);
    setMinHeight(110);
  }

  /** Plots {@code m}; null clears the chart. */
  public void show(SampleMeasurements m) {
    if (m == null) {
      getData().clear();
      return;
    }
    valueAxis.setLabel(kind.axisLabel(m.calibrated()));
    XYChart.Series<Number, String> samples = new XYChart.Series<>();
    samples.setName(SAMPLES);
    for (LesionMeasure s : m.samples()) {
      if (!s.isEmpty()) {
        samples.getData().add(point(kind.value(s), SAMPLES, SAMPLE_STYLE));
      }
    }
    XYChart.Series<Number, String> median = new XYChart.Series<>();
    median.setName(MEDIAN);
    MeasureDistribution d = kind.distribution(m);
    if (!d.isEmpty()) {
      median.getData().add(point(d.median(), SAMPLES, MEDIAN_STYLE));
    }
    XYChart.Series<Number, String> raters = new XYChart.Series<>();
    raters.setName(RATERS);
    for (LesionMeasure r : m.raters()) {
      raters.getData().add(point(kind.value(r), RATERS, RATER_STYLE));
    }
    getData().setAll(List.of(samples, median, raters));
    setRange();
  }

  /** Fits the value axis to the samples and raters with round ticks. */
  private void setRange() {
    double[] values =
        getData().stream()
            .flatMap(series -> series.getData().stream())
            .mapToDouble(d -> d.getXValue().doubleValue())
            .toArray();
    if (values.length == 0) {
      return;
    }
    AxisRange range =
        AxisRange.covering(
            Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow());
    valueAxis.setLowerBound(range.lower());
    valueAxis.setUpperBound(range.upper());
    valueAxis.setTickUnit(range.step());
  }

  private static XYChart.Data<Number, String> point(double value, String row, String style) {
    XYChart.Data<Number, String> data = new XYChart.Data<>(value, row);
    StackPane symbol = new StackPane();
    symbol.setStyle(style);
    data.setNode(symbol);
    return data;
  }
}
