package org.ambiseg.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ambiseg.app.cases.RoiSelector;
import org.ambiseg.core.Case;
import org.ambiseg.core.Image2D;
import org.ambiseg.io.DicomImage;
import org.ambiseg.io.DicomWindow;
import org.junit.jupiter.api.Test;

/**
 * What of an opened image gets sampled: a model-sized image whole; a larger one only as the region
 * the user picks, re-sent on every move; a DICOM through the model's intensity window whatever the
 * display window.
 */
class RegionRouterTest {

  private final RoiSelector selector = new RoiSelector(128);
  private final List<Case> shown = new ArrayList<>();
  private int regionRequests;
  private final RegionRouter router =
      new RegionRouter(selector, shown::add, () -> regionRequests++);

  @Test
  void aModelSizedImageIsSampledWhole() {
    Case c = Case.of("small", ramp(128, 128), List.of());
    router.opened(loaded(c, Optional.empty()));
    assertEquals(List.of(c), shown);
    assertEquals(0, regionRequests);
    assertNull(selector.displayImageProperty().get());
  }

  @Test
  void aLargeImageIsSampledAsTheChosenRegionAfterEveryMove() {
    Image2D large = ramp(300, 200);
    router.opened(loaded(Case.of("slice", large, List.of()), Optional.empty()));
    assertEquals(1, regionRequests);
    assertEquals(1, shown.size());
    Case centred = shown.get(0);
    assertEquals("slice [86,36 128x128]", centred.id());
    assertEquals(128, centred.image().width());
    // pixel (0, 0) of the crop is pixel (86, 36) of the image
    assertEquals(large.value(86, 36, 0), centred.image().value(0, 0, 0), 0f);

    selector.centreAt(250, 20); // clamped into the image: right and top edges
    assertEquals(2, shown.size());
    Case moved = shown.get(1);
    assertEquals("slice [172,0 128x128]", moved.id());
    assertEquals(large.value(172, 0, 0), moved.image().value(0, 0, 0), 0f);
    assertEquals(large.value(299, 127, 0), moved.image().value(127, 127, 0), 0f);

    // a small image afterwards goes whole again and the region is cleared
    Case small = Case.of("small", ramp(64, 64), List.of());
    router.opened(loaded(small, Optional.empty()));
    assertSame(small, shown.get(2));
    assertNull(selector.displayImageProperty().get());
    selector.centreAt(10, 10);
    assertEquals(3, shown.size(), "no region left to send");
  }

  @Test
  void aDicomRegionUsesTheModelWindowNotTheDisplayWindow() {
    float[] hu = new float[256 * 256];
    for (int i = 0; i < hu.length; i++) {
      hu[i] = -1000 + (i % 256) * 10; // -1000 .. 1550 HU along x
    }
    DicomImage ct = DicomImage.of(256, 256, hu, null, DicomWindow.LUNG);
    router.opened(loaded(Case.of("ct", ct.toImage(), List.of()), Optional.of(ct)));
    Case first = shown.get(shown.size() - 1);
    // crop starts at column 64: -360 HU; the LIDC crops' window is level 0, width 2000
    assertEquals((-360f + 1000f) / 2000f, first.image().value(0, 0, 0), 1e-6f);
    int before = shown.size();
    selector.windowLevel().set(DicomWindow.SOFT_TISSUE);
    assertEquals(before, shown.size(), "re-windowing the display does not change the crop");
  }

  @Test
  void theRegionTakesTheSizeOfAModelWithoutDomainAsTheDefault() {
    router.modelChanged(null);
    assertEquals(RegionRouter.DEFAULT_INPUT_SIZE, selector.sizeProperty().get());
  }

  private static LoadedImage loaded(Case c, Optional<DicomImage> dicom) {
    return new LoadedImage(Path.of(c.id() + ".png"), c.image(), null, c, dicom);
  }

  private static Image2D ramp(int w, int h) {
    float[] px = new float[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = (i % 997) / 997f;
    }
    return Image2D.grey(w, h, px);
  }
}
