package org.ambiseg.app.uncertainty;

import java.util.List;
import org.ambiseg.estimate.MapKind;

/**
 * How one kind of uncertainty map is shown: its short name, display unit and fixed colour range.
 *
 * <p>The range is fixed per kind, not stretched to each map's min..max, so one colour means one
 * value on every image and every model: mean probability 0..1, variance 0..0.25 (its largest
 * possible value, two samples {0, 1}), predictive entropy and mutual information 0..1 bit.
 * Entropies are computed in nats by {@link org.ambiseg.estimate.UncertaintyMaps} and shown in bits
 * (divided by ln 2), so the range's top is the binary entropy's maximum, 1 bit at p = 0.5. A value
 * v is drawn with colour-map position v / top (clamped to [0, 1]).
 *
 * @param kind the map
 * @param shortName name in the pixel read-out, e.g. "MI"
 * @param unit display unit ("" or "bits")
 * @param perRawUnit display units per unit of the computed map (1 / ln 2 for entropies)
 * @param top largest shown value, in display units; the range is [0, top]
 */
public record HeatmapScale(
    MapKind kind, String shortName, String unit, double perRawUnit, double top) {

  /** The maps the uncertainty view offers, in menu order. */
  public static final List<MapKind> KINDS =
      List.of(
          MapKind.MEAN, MapKind.VARIANCE, MapKind.PREDICTIVE_ENTROPY, MapKind.MUTUAL_INFORMATION);

  private static final double BITS_PER_NAT = 1 / Math.log(2);

  /** The scale of one kind of map. */
  public static HeatmapScale of(MapKind kind) {
    return switch (kind) {
      case MEAN -> new HeatmapScale(kind, "mean", "", 1, 1);
      case VARIANCE -> new HeatmapScale(kind, "variance", "", 1, 0.25);
      case PREDICTIVE_ENTROPY -> new HeatmapScale(kind, "entropy", "bits", BITS_PER_NAT, 1);
      case EXPECTED_ENTROPY -> new HeatmapScale(kind, "exp. entropy", "bits", BITS_PER_NAT, 1);
      case MUTUAL_INFORMATION -> new HeatmapScale(kind, "MI", "bits", BITS_PER_NAT, 1);
      case AGREEMENT -> new HeatmapScale(kind, "agreement", "", 1, 1);
    };
  }

  /** A computed map value in display units. */
  public double display(double raw) {
    return raw * perRawUnit;
  }

  /** Colour-map position in [0, 1] of a computed map value (NaN stays NaN). */
  public double position(double raw) {
    double t = display(raw) / top;
    return Double.isNaN(t) ? t : Math.max(0, Math.min(1, t));
  }

  /** The legend title, e.g. "Mutual information (bits)". */
  public String title() {
    return unit.isEmpty() ? kind.label() : kind.label() + " (" + unit + ")";
  }

  /** A computed value as read-out text with its unit, e.g. "0.811 bits". */
  public String format(double raw) {
    String number = ValueFormat.readout(display(raw));
    return unit.isEmpty() ? number : number + " " + unit;
  }
}
