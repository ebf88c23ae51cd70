package org.ambiseg.app.measure;

import org.ambiseg.metrics.LesionMeasure;
import org.ambiseg.metrics.MeasureDistribution;
import org.ambiseg.metrics.SampleMeasurements;

/** The two measures the panel plots, each with its name and its units in mm and in pixels. */
public enum MeasureKind {
  /** Foreground area. */
  AREA("Area", "mm\u00b2"),
  /** Longest diameter (largest distance between two foreground pixel centres). */
  DIAMETER("Longest diameter", "mm");

  private final String label;
  private final String mmUnit;

  MeasureKind(String label, String mmUnit) {
    this.label = label;
    this.mmUnit = mmUnit;
  }

  /** The measure's name, e.g. "Area". */
  public String label() {
    return label;
  }

  /** The unit: mm² or mm when calibrated, else "px". */
  public String unit(boolean calibrated) {
    return calibrated ? mmUnit : "px";
  }

  /** Axis label with the unit, e.g. "Area (mm²)" or "Longest diameter (px)". */
  public String axisLabel(boolean calibrated) {
    return label + " (" + unit(calibrated) + ")";
  }

  /** This measure of one mask. */
  public double value(LesionMeasure m) {
    return this == AREA ? m.area() : m.diameter();
  }

  /** The distribution of this measure over the samples. */
  public MeasureDistribution distribution(SampleMeasurements m) {
    return this == AREA ? m.area() : m.diameter();
  }
}
