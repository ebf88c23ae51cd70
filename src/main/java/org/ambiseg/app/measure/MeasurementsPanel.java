package org.ambiseg.app.measure;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The measurements panel: strip plots of the samples' areas and longest diameters (rater masks as
 * diamonds, the median as a bar), with the median and 5–95 % range of each as text. All state lives
 * in {@link MeasurementsViewModel}; this class only wires.
 *
 * <p>Node ids: {@code measure-area-chart}, {@code measure-diameter-chart}, {@code measure-summary},
 * {@code measure-status}.
 */
public final class MeasurementsPanel extends VBox {

  private final MeasurementsViewModel model;

  /** A panel showing {@code model}. */
  public MeasurementsPanel(MeasurementsViewModel model) {
    super(4);
    this.model = model;
    setPadding(new Insets(6));
    Label status = new Label();
    status.setId("measure-status");
    status.textProperty().bind(model.statusProperty());
    status.managedProperty().bind(status.textProperty().isNotEmpty());
    status.visibleProperty().bind(status.managedProperty());
    MeasureStripChart area = new MeasureStripChart(MeasureKind.AREA);
    area.setId("measure-area-chart");
    MeasureStripChart diameter = new MeasureStripChart(MeasureKind.DIAMETER);
    diameter.setId("measure-diameter-chart");
    Label summary = new Label();
    summary.setId("measure-summary");
    summary.setWrapText(true);
    summary.textProperty().bind(model.summaryProperty());
    model
        .measurementsProperty()
        .addListener(
            (obs, old, now) -> {
              area.show(now);
              diameter.show(now);
            });
    area.show(model.measurementsProperty().get());
    diameter.show(model.measurementsProperty().get());
    getChildren().addAll(status, area, diameter, summary);
  }

  /** The panel's view-model. */
  public MeasurementsViewModel model() {
    return model;
  }
}
