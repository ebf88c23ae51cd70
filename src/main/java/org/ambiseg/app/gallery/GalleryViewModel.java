package org.ambiseg.app.gallery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import org.ambiseg.app.ImageRenderer;
import org.ambiseg.app.session.CaseSession;
import org.ambiseg.app.session.SampleAnalysis;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.Modes;
import org.ambiseg.io.PngWriter;
import org.ambiseg.io.render.OverlayLook;
import org.ambiseg.io.render.OverlayRenderer;
import org.ambiseg.io.render.OverlayStyle;
import org.ambiseg.metrics.CaseScores;

/**
 * State of the gallery and of the main image: the session's samples and the case's rater masks as
 * rendered overlay tiles (in the chosen style, colour and opacity, optionally sorted by mode), the
 * mode weights and per-case scores in words, and the selected sample, which the main image shows
 * enlarged. Call it on the FX thread.
 */
public final class GalleryViewModel {

  /** Size in pixels the enlarged sample is rendered at, at least (integer upscaling). */
  static final int ENLARGED_SIZE = 512;

  private final CaseSession session;

  private final ObjectProperty<OverlayStyle> style =
      new SimpleObjectProperty<>(this, "style", OverlayStyle.OUTLINE);
  private final ObjectProperty<Color> colour =
      new SimpleObjectProperty<>(this, "colour", toColour(OverlayRenderer.DEFAULT_COLOUR));
  private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 1);
  private final BooleanProperty sortByMode = new SimpleBooleanProperty(this, "sortByMode", true);
  private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);

  private final ObservableList<SampleTile> tiles = FXCollections.observableArrayList();
  private final ObservableList<Image> raterTiles = FXCollections.observableArrayList();
  private final ObservableList<SampleTile> tilesView =
      FXCollections.unmodifiableObservableList(tiles);
  private final ObservableList<Image> raterTilesView =
      FXCollections.unmodifiableObservableList(raterTiles);
  private final ReadOnlyObjectWrapper<Image> mainImage = new ReadOnlyObjectWrapper<>(this, "main");
  private final ReadOnlyStringWrapper modesText = new ReadOnlyStringWrapper(this, "modes", "");
  private final ReadOnlyStringWrapper scoresText = new ReadOnlyStringWrapper(this, "scores", "");

  private Image plainImage;

  /** A gallery of {@code session}'s samples. */
  public GalleryViewModel(CaseSession session) {
    this.session = Objects.requireNonNull(session, "session");
    session.caseProperty().addListener((obs, old, now) -> caseChanged());
    session.analysisProperty().addListener((obs, old, now) -> samplesChanged());
    style.addListener((obs, old, now) -> restyle());
    colour.addListener((obs, old, now) -> restyle());
    opacity.addListener((obs, old, now) -> restyle());
    sortByMode.addListener((obs, old, now) -> renderTiles());
    selected.addListener((obs, old, now) -> renderMainImage());
    caseChanged();
  }

  /** Outline or fill. */
  public ObjectProperty<OverlayStyle> styleProperty() {
    return style;
  }

  /** Overlay colour (opaque). */
  public ObjectProperty<Color> colourProperty() {
    return colour;
  }

  /** Overlay opacity in [0, 1]. */
  public DoubleProperty opacityProperty() {
    return opacity;
  }

  /** True to order the tiles by mode (heaviest first), false for sample order. */
  public BooleanProperty sortByModeProperty() {
    return sortByMode;
  }

  /** Index of the sample shown enlarged, -1 for none. */
  public IntegerProperty selectedProperty() {
    return selected;
  }

  /** The gallery's tiles, in display order; empty while there are no samples. */
  public ObservableList<SampleTile> tiles() {
    return tilesView;
  }

  /** The case's rater masks drawn in the same look; empty when the case has none. */
  public ObservableList<Image> raterTiles() {
    return raterTilesView;
  }

  /** What the main image area shows: the selected sample enlarged, else the plain image. */
  public ReadOnlyObjectProperty<Image> mainImageProperty() {
    return mainImage.getReadOnlyProperty();
  }

  /** The mode weights, e.g. "3 interpretations: 60 % / 30 % / 10 %"; empty without samples. */
  public ReadOnlyStringProperty modesTextProperty() {
    return modesText.getReadOnlyProperty();
  }

  /** Per-case GED and HM-IoU against the raters, or why there are none. */
  public ReadOnlyStringProperty scoresTextProperty() {
    return scoresText.getReadOnlyProperty();
  }

  /** Shows sample {@code index} enlarged in the main image. */
  public void select(int index) {
    selected.set(index);
  }

  /** Back to the plain image. */
  public void clearSelection() {
    selected.set(-1);
  }

  /** Writes the selected sample's hard mask (p &ge; 0.5) as a binary PNG mask. */
  public void saveSelected(Path target) throws IOException {
    SampleSet s = session.samplesProperty().get();
    int i = selected.get();
    if (s == null || i < 0 || i >= s.size()) {
      throw new IllegalStateException("no sample is selected");
    }
    PngWriter.writeMask(target, s.mask(i));
  }

  /** The current look as a plain value. */
  public OverlayLook look() {
    return new OverlayLook(style.get(), toArgb(colour.get()), clamp(opacity.get()));
  }

  /** Sets style, colour and opacity from a plain value (the inverse of {@link #look()}). */
  public void setLook(OverlayLook look) {
    style.set(look.style());
    colour.set(toColour(look.argb()));
    opacity.set(look.opacity());
  }

  private void caseChanged() {
    Case c = session.caseProperty().get();
    plainImage = c == null ? null : ImageRenderer.render(c.image());
    selected.set(-1);
    renderRaters();
    samplesChanged();
  }

  private void samplesChanged() {
    SampleSet s = samples();
    if (s == null || selected.get() >= s.size()) {
      selected.set(-1);
    }
    renderTiles();
    renderMainImage();
    describe();
  }

  private void restyle() {
    renderTiles();
    renderRaters();
    renderMainImage();
  }

  private void renderTiles() {
    SampleSet s = samples();
    Case c = session.caseProperty().get();
    if (s == null || c == null) {
      tiles.clear();
      return;
    }
    int[] modeOf = modeOf(s);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      order.add(i);
    }
    if (sortByMode.get()) {
      order.sort(Comparator.comparingInt((Integer i) -> modeOf[i]).thenComparingInt(i -> i));
    }
    OverlayLook look = look();
    SampleAnalysis a = session.analysisProperty().get();
    List<SampleTile> out = new ArrayList<>(order.size());
    for (int i : order) {
      String modeName = a == null ? "" : a.modes().name(modeOf[i]);
      out.add(new SampleTile(i, modeOf[i], modeName, picture(c.image(), s.foreground(i), 1, look)));
    }
    tiles.setAll(out);
  }

  private void renderRaters() {
    Case c = session.caseProperty().get();
    if (c == null) {
      raterTiles.clear();
      return;
    }
    OverlayLook look = look();
    List<Image> out = new ArrayList<>();
    for (LabelMask m : c.raters()) {
      out.add(picture(c.image(), m.foreground(), 1, look));
    }
    raterTiles.setAll(out);
  }

  private void renderMainImage() {
    SampleSet s = samples();
    Case c = session.caseProperty().get();
    int i = selected.get();
    if (s == null || c == null || i < 0 || i >= s.size()) {
      mainImage.set(plainImage);
      return;
    }
    int scale = Math.max(1, ENLARGED_SIZE / Math.max(c.image().width(), c.image().height()));
    mainImage.set(picture(c.image(), s.foreground(i), scale, look()));
  }

  private void describe() {
    SampleAnalysis a = session.analysisProperty().get();
    Case c = session.caseProperty().get();
    if (a == null || c == null) {
      modesText.set("");
      scoresText.set(c == null || !c.raters().isEmpty() ? "" : "No rater masks for this case");
      return;
    }
    modesText.set(a.modes().describe());
    scoresText.set(a.scores().map(GalleryViewModel::scores).orElse("No rater masks for this case"));
  }

  /** The session's samples when they belong to the shown case (same size), else null. */
  private SampleSet samples() {
    SampleSet s = session.samplesProperty().get();
    Case c = session.caseProperty().get();
    if (s == null
        || c == null
        || s.width() != c.image().width()
        || s.height() != c.image().height()) {
      return null;
    }
    return s;
  }

  static String scores(CaseScores s) {
    return String.format(
        Locale.ROOT,
        "GED %.3f \u00b7 HM-IoU %.3f (%d samples vs %d raters)",
        s.ged(),
        s.hmIou(),
        s.sampleCount(),
        s.raterCount());
  }

  private int[] modeOf(SampleSet s) {
    int[] modeOf = new int[s.size()];
    SampleAnalysis a = session.analysisProperty().get();
    if (a == null) {
      return modeOf;
    }
    Modes modes = a.modes();
    for (int m = 0; m < modes.size(); m++) {
      for (int member : modes.get(m).members()) {
        modeOf[member] = m;
      }
    }
    return modeOf;
  }

  private static Image picture(Image2D image, boolean[] mask, int scale, OverlayLook look) {
    int[] argb = OverlayPixels.render(image, mask, scale, look);
    return FxPictures.of(image.width() * scale, image.height() * scale, argb);
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 1 : Math.max(0, Math.min(1, v));
  }

  static int toArgb(Color c) {
    int r = (int) Math.round(c.getRed() * 255);
    int g = (int) Math.round(c.getGreen() * 255);
    int b = (int) Math.round(c.getBlue() * 255);
    return 0xFF000000 | r << 16 | g << 8 | b;
  }

  private static Color toColour(int argb) {
    return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
  }
}
