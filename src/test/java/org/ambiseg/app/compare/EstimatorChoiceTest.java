package org.ambiseg.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.ambiseg.app.session.ModelEntry;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.LabelMask;
import org.ambiseg.core.SampleSet;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.Normalization;
import org.junit.jupiter.api.Test;

/** The estimator choices offered and a column's result and metrics text on hand-made samples. */
class EstimatorChoiceTest {

  @Test
  void ttaIsOfferedOnlyForDeterministicNetworks() {
    ModelEntry prob = entry("p", "probunet");
    ModelEntry unet = entry("u", "unet");
    ModelEntry mc = entry("m", "mcdropout");
    List<String> offered =
        EstimatorChoice.offered(List.of(prob, unet, mc)).stream()
            .map(EstimatorChoice::toString)
            .toList();
    assertEquals(
        List.of(
            "p (probunet) \u00b7 default",
            "u (unet) \u00b7 default",
            "u (unet) \u00b7 tta",
            "m (mcdropout) \u00b7 default",
            "m (mcdropout) \u00b7 tta"),
        offered);
    assertThrows(IllegalArgumentException.class, () -> new EstimatorChoice(prob, "tta"));
    assertThrows(IllegalArgumentException.class, () -> new EstimatorChoice(unet, "mose"));
    assertEquals("test-time augmentation", new EstimatorChoice(unet, "tta").kindLabel());
  }

  @Test
  void resultOfSamplesEqualToTheRatersScoresPerfectly() {
    // 4x2 image; rater A marks the left half, rater B the right half
    boolean[] left = {true, true, false, false, true, true, false, false};
    boolean[] right = {false, false, true, true, false, false, true, true};
    Image2D image = Image2D.grey(4, 2, new float[8]);
    Case c =
        Case.of(
            "hand", image, List.of(LabelMask.binary(4, 2, left), LabelMask.binary(4, 2, right)));
    SampleSet samples =
        SampleSet.ofMasks(
            List.of(LabelMask.binary(4, 2, left), LabelMask.binary(4, 2, right)), "hand", 5);
    ColumnResult r = ColumnResult.of(c, samples, 8, 12);
    assertEquals(2, r.overlays().size());
    assertEquals(8, r.meanHeatmap().length);
    // mean probability is 0.5 everywhere: viridis at 0.5 (entry 128, 0x21918C)
    assertEquals(0xFF21918C, r.meanHeatmap()[0]);
    // GED = 2 E[d(S,Y)] - E[d(S,S')] - E[d(Y,Y')] = 2 * 0.5 - 0.5 - 0.5 = 0; HM-IoU 1; two modes;
    // the mean (0.5) thresholded at 0.5 is all foreground: Dice 2*4/(8+4) = 0.667 with each rater
    assertEquals(
        "GED 0.000\nHM-IoU 1.000\nDice of mean 0.667\nModes 2\n2 samples vs 2 raters",
        MetricsText.of(r));
    Case noRaters = Case.of("plain", image, List.of());
    assertEquals(
        "Modes 2\n2 samples, no rater masks to score against",
        MetricsText.of(ColumnResult.of(noRaters, samples, 1, 3)));
  }

  private static ModelEntry entry(String name, String type) {
    ModelInfo info =
        ModelInfo.create(name, type, new JsonObject(), Normalization.IDENTITY, null, null);
    return new ModelEntry(Path.of("models", name), name, type, info);
  }
}
