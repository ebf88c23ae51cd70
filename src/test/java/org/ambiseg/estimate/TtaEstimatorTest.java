package org.ambiseg.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ambiseg.core.BadInputException;
import org.ambiseg.core.Image2D;
import org.ambiseg.core.SampleSet;
import org.ambiseg.estimate.tta.GeometricTransform;
import org.ambiseg.estimate.tta.IntensityJitter;
import org.ambiseg.estimate.tta.PixelMapping;
import org.ambiseg.estimate.tta.TtaSettings;
import org.ambiseg.estimate.tta.TtaTransform;
import org.ambiseg.model.ModelInfo;
import org.ambiseg.model.ModelStore;
import org.ambiseg.model.Normalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Test-time augmentation: exact inverse transforms, border handling, and a non-equivariant probe.
 */
class TtaEstimatorTest {

  private static final int W = 6;
  private static final int H = 4;

  /** A non-square image whose every pixel value is distinct: (y * W + x + 1) / 100. */
  private static Image2D distinct() {
    float[] px = new float[W * H];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i + 1) / 100f;
    }
    return Image2D.grey(W, H, px);
  }

  /** Returns the grey image itself as the probability map. */
  private static final ProbabilityPredictor IDENTITY_MODEL =
      images -> images.stream().map(im -> im.toGrey().pixels()).toList();

  /** Ignores the image: a fixed left-to-right ramp x / (w - 1), not equivariant to anything. */
  private static final ProbabilityPredictor RAMP_MODEL =
      images -> {
        List<float[]> out = new ArrayList<>();
        for (Image2D im : images) {
          float[] p = new float[im.width() * im.height()];
          for (int i = 0; i < p.length; i++) {
            p[i] = (i % im.width()) / (float) (im.width() - 1);
          }
          out.add(p);
        }
        return out;
      };

  private static List<GeometricTransform> everyGeometry() {
    List<GeometricTransform> all = new ArrayList<>();
    for (int f = 0; f < 4; f++) {
      for (int t = 0; t < 4; t++) {
        for (int[] shift : new int[][] {{0, 0}, {2, -1}, {-3, 1}}) {
          all.add(new GeometricTransform((f & 1) != 0, (f & 2) != 0, t, shift[0], shift[1]));
        }
      }
    }
    return all;
  }

  @Test
  void handWorkedTransformsOnATwoByThreeGrid() {
    // 3 wide, 2 high: values 1..6 row by row
    float[] plane = {1, 2, 3, 4, 5, 6};
    assertArrayEquals(
        new float[] {3, 2, 1, 6, 5, 4},
        new GeometricTransform(true, false, 0, 0, 0).on(3, 2).apply(plane));
    assertArrayEquals(
        new float[] {4, 5, 6, 1, 2, 3},
        new GeometricTransform(false, true, 0, 0, 0).on(3, 2).apply(plane));
    // a counter-clockwise quarter turn: 2 wide, 3 high, the right column on top
    PixelMapping turn = new GeometricTransform(false, false, 1, 0, 0).on(3, 2);
    assertEquals(2, turn.width());
    assertEquals(3, turn.height());
    assertArrayEquals(new float[] {3, 6, 2, 5, 1, 4}, turn.apply(plane));
    // shift right by 1: the left column is edge padding and not inside
    PixelMapping shift = new GeometricTransform(false, false, 0, 1, 0).on(3, 2);
    assertArrayEquals(new float[] {1, 1, 2, 4, 4, 5}, shift.apply(plane));
    PixelMapping.Restored back = shift.restore(new float[] {9, 1, 2, 9, 4, 5});
    assertArrayEquals(new float[] {1, 2, 0, 4, 5, 0}, back.values());
    assertArrayEquals(new boolean[] {true, true, false, true, true, false}, back.valid());
  }

  @Test
  void identityModelGivesItsInputBackUnderEveryGeometricTransform() {
    Image2D image = distinct();
    float[] pixels = image.pixels();
    for (GeometricTransform g : everyGeometry()) {
      TtaTransform t = new TtaTransform(g, IntensityJitter.IDENTITY);
      PixelMapping mapping = t.mapping(image);
      Image2D moved = t.apply(image, mapping);
      boolean turned = g.quarterTurns() % 2 == 1;
      assertEquals(turned ? H : W, moved.width(), g.toString());
      float[] prediction = IDENTITY_MODEL.predict(List.of(moved)).get(0);
      PixelMapping.Restored back = mapping.restore(prediction);
      int valid = 0;
      for (int i = 0; i < pixels.length; i++) {
        if (back.valid()[i]) {
          assertEquals(pixels[i], back.values()[i], 0f, g + " at " + i);
          valid++;
        }
      }
      int shiftW = turned ? Math.abs(g.shiftY()) : Math.abs(g.shiftX());
      int shiftH = turned ? Math.abs(g.shiftX()) : Math.abs(g.shiftY());
      assertEquals((W - shiftW) * (H - shiftH), valid, g + ": pixels still in the frame");
    }
  }

  @Test
  void identityModelUnderTtaWithoutIntensityJitterReproducesTheImageInEverySample() {
    Image2D image = distinct();
    TtaSettings geometryOnly = new TtaSettings(true, true, 2, 0f, 0f);
    try (TtaEstimator tta = new TtaEstimator("tta", IDENTITY_MODEL, geometryOnly)) {
      SampleSet set = tta.sample(image, 12, 3);
      assertEquals(12, set.size());
      for (int s = 0; s < set.size(); s++) {
        assertArrayEquals(image.pixels(), set.probability(s), 0f, "sample " + s);
      }
    }
  }

  @Test
  void intensityJitterChangesWhatTheModelSees() {
    Image2D image = distinct();
    TtaSettings small = new TtaSettings(true, true, 2, 0.05f, 0.1f);
    try (TtaEstimator tta = new TtaEstimator("tta", IDENTITY_MODEL, small)) {
      SampleSet set = tta.sample(image, 6, 4);
      assertArrayEquals(image.pixels(), set.probability(0), "sample 0 is the plain image");
      for (int s = 1; s < set.size(); s++) {
        assertFalse(
            java.util.Arrays.equals(image.pixels(), set.probability(s)),
            "sample " + s + " jittered");
      }
    }
    // hand value: gain 2, offset -0.1, gamma 0.5 on 0.25 -> 2 * 0.5 - 0.1 = 0.9; clipped at 1
    float[] v = {0.25f, 0.64f};
    new IntensityJitter(2f, -0.1f, 0.5f).applyInPlace(v);
    assertArrayEquals(new float[] {0.9f, 1f}, v, 1e-6f);
  }

  @Test
  void nonEquivariantProbeShowsThatTransformsAreAppliedAndInverted() {
    Image2D image = distinct();
    float[] ramp = RAMP_MODEL.predict(List.of(image)).get(0);
    TtaSettings flipsOnly = new TtaSettings(true, false, 0, 0f, 0f);
    List<TtaTransform> drawn = flipsOnly.draw(16, 8);
    try (TtaEstimator tta = new TtaEstimator("tta", RAMP_MODEL, flipsOnly)) {
      SampleSet set = tta.sample(image, 16, 8);
      int mirrored = 0;
      for (int s = 0; s < set.size(); s++) {
        float[] p = set.probability(s);
        boolean flipX = drawn.get(s).geometry().flipHorizontal();
        for (int i = 0; i < p.length; i++) {
          // the ramp mapped back through a horizontal flip runs right to left
          float expected = flipX ? 1f - ramp[i] : ramp[i];
          assertEquals(expected, p[i], 1e-6f, "sample " + s + " pixel " + i);
        }
        mirrored += flipX ? 1 : 0;
      }
      assertTrue(mirrored >= 3 && mirrored <= 13, mirrored + " of 16 flipped");
    }
  }

  @Test
  void pixelsWithoutAPredictionTakeTheMeanOfTheSamplesThatHaveOne() {
    // 3 samples at 2 pixels; pixel 1 is covered by samples 0 and 2 only
    List<PixelMapping.Restored> restored =
        List.of(
            new PixelMapping.Restored(new float[] {0.2f, 0.4f}, new boolean[] {true, true}),
            new PixelMapping.Restored(new float[] {0.3f, 0f}, new boolean[] {true, false}),
            new PixelMapping.Restored(new float[] {0.4f, 0.8f}, new boolean[] {true, true}));
    List<float[]> filled = TtaEstimator.fillUncovered(restored);
    assertArrayEquals(new float[] {0.3f, 0.6f}, filled.get(1), 1e-6f);
    assertArrayEquals(new float[] {0.2f, 0.4f}, filled.get(0), 0f);
  }

  @Test
  void ttaOfAProbUNetAndUnknownKindsAreRefused(@TempDir Path tmp) throws Exception {
    ModelStore.writeInfo(
        tmp,
        ModelInfo.create("p", "probunet", new JsonObject(), Normalization.IDENTITY, null, null));
    BadInputException e = assertThrows(BadInputException.class, () -> Estimators.open(tmp, "tta"));
    assertTrue(e.getMessage().contains("tta needs"), e.getMessage());
    BadInputException kind =
        assertThrows(BadInputException.class, () -> Estimators.open(tmp, "ensemble"));
    assertTrue(kind.getMessage().contains("unknown estimator"), kind.getMessage());
  }

  @Test
  void sameSeedSameSamplesAndTheCapabilitiesSayAleatoric() {
    TtaSettings s = TtaSettings.DEFAULT;
    assertEquals(s.draw(10, 5), s.draw(10, 5));
    assertTrue(!s.draw(10, 5).equals(s.draw(10, 6)));
    assertEquals(TtaTransform.IDENTITY, s.draw(3, 1).get(0));
    try (TtaEstimator tta =
        new TtaEstimator("tta-unet", RAMP_MODEL, new TtaSettings(true, true, 3, 0.05f, 0.1f))) {
      assertEquals(
          "input (aleatoric) uncertainty: spread under test-time augmentation",
          tta.capabilities().spreadMeaning());
      assertFalse(tta.capabilities().deterministic());
      assertEquals("tta-unet", tta.sample(distinct(), 2, 1).estimator());
    }
    try (TtaEstimator tooSmall = new TtaEstimator("tta", RAMP_MODEL, s)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> tooSmall.sample(distinct(), 2, 1));
      assertTrue(e.getMessage().contains("too small"), e.getMessage());
    }
  }
}
